import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { bookingEvents, bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { networkRoles } from '../db/schema/memberships.ts';
import { sessions, users } from '../db/schema/users.ts';
import {
  addMember,
  dayFromToday,
  makeBooking,
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  makeStructureWithManager,
  makeUser,
  moveBookingTo,
  signIn,
  signedInStructure,
  testPassword,
  uniqueSuffix,
} from '../../test/factories.ts';
import { signedInModerator } from '../../test/inbox-factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

function act(headers: Record<string, string>, userId: string, action: 'suspend' | 'reinstate', payload?: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/users/${userId}/${action}`,
    headers,
    ...(payload ? { payload } : {}),
  });
}

function signInAttempt(email: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } });
}

async function bookingStatus(id: string) {
  const [row] = await db()
    .select({ status: bookings.status, declineCode: bookings.declineCode })
    .from(bookings)
    .where(eq(bookings.id, id));
  return row!;
}

/** A network, its admin, a lender with an item, and a borrowing structure whose member asks for things. */
async function networkWithABorrower() {
  const network = await makeNetwork(db());
  const admin = await makeNetworkAdmin(db(), network.id);
  const adminHeaders = await signIn(t.app, admin.email);
  const lender = await signedInStructure(t.app, db(), { networkId: network.id, name: `Prêteuse ${uniqueSuffix()}` });
  const borrower = await makeStructureWithManager(db(), {
    networkId: network.id,
    name: `Emprunteuse ${uniqueSuffix()}`,
  });
  const person = await makeUser(db(), { name: `Hélène Dupré ${uniqueSuffix()}` });
  await addMember(db(), person.id, borrower.organisation.id, 'member');
  const personHeaders = await signIn(t.app, person.email);
  const item = await makeItem(db(), { organisationId: lender.organisation.id, quantity: 10, title: 'Barnum' });
  return { network, admin, adminHeaders, lender, borrower, person, personHeaders, item };
}

describe('suspending and reinstating a person', () => {
  it('ends their sessions, refuses their sign-in, declines their waiting requests; reinstating lets them in again', async () => {
    const scene = await networkWithABorrower();
    const { person, personHeaders } = scene;
    const ask = (startIn: number) =>
      makeBooking(t.app, personHeaders, {
        itemId: scene.item.id,
        startDate: dayFromToday(startIn),
        endDate: dayFromToday(startIn + 1),
      });
    const waiting = [await ask(10), await ask(12)];
    const loan = await ask(14);
    await moveBookingTo(t.app, scene.lender.headers, loan.id, 'accept');
    // Asked by the structure's manager, not by the person: left alone.
    const colleagues = await makeBooking(t.app, await signIn(t.app, scene.borrower.manager.email), {
      itemId: scene.item.id,
      startDate: dayFromToday(16),
      endDate: dayFromToday(17),
    });

    const reason = '  Propos injurieux envers deux structures.';
    const response = await act(scene.adminHeaders, person.id, 'suspend', { reason });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      declinedRequests: 2,
      openLoans: 1,
      person: {
        id: person.id,
        suspended: true,
        suspensionReason: reason,
        structures: [{ id: scene.borrower.organisation.id, role: 'member', status: 'active' }],
      },
    });

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: personHeaders });
    expect(me.statusCode).toBe(401);
    expect(await db().select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);
    const refused = await signInAttempt(person.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'account_suspended' });

    for (const request of waiting)
      expect(await bookingStatus(request.id)).toEqual({ status: 'declined', declineCode: 'requester_suspended' });
    expect(await bookingStatus(loan.id)).toEqual({ status: 'accepted', declineCode: null });
    expect(await bookingStatus(colleagues.id)).toEqual({ status: 'requested', declineCode: null });
    const [step] = await db()
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.bookingId, waiting[0]!.id), eq(bookingEvents.action, 'decline')));
    expect(step).toMatchObject({
      party: 'system',
      actorId: null,
      reasonCode: 'requester_suspended',
      toStatus: 'declined',
    });
    const [declined] = await db()
      .select({ params: events.params })
      .from(events)
      .where(and(eq(events.bookingId, waiting[0]!.id), eq(events.type, 'booking.declined')));
    expect(declined!.params).toMatchObject({ party: 'system', reasonCode: 'requester_suspended' });

    // The accepted loan they asked for reaches the inbox.
    const inbox = await t.app.inject({ method: 'GET', url: '/api/admin/inbox?kind=loan', headers: scene.adminHeaders });
    expect(inbox.json().entries).toEqual([expect.objectContaining({ id: loan.id, reason: 'party_suspended' })]);

    const audit = () =>
      db().select().from(auditEntries).where(eq(auditEntries.targetId, person.id)).orderBy(asc(auditEntries.id));
    expect(await audit()).toEqual([
      expect.objectContaining({
        actorId: scene.admin.id,
        action: 'user.suspended',
        targetType: 'user',
        networkIds: [scene.network.id],
        note: reason,
      }),
    ]);
    const told = () =>
      db()
        .select({ type: events.type, params: events.params })
        .from(events)
        .where(eq(events.userId, person.id))
        .orderBy(asc(events.id));
    expect(await told()).toEqual([{ type: 'account.suspended', params: { reason } }]);

    const again = await act(scene.adminHeaders, person.id, 'suspend', { reason: 'Encore' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'person_status_conflict' });

    const reinstated = await act(scene.adminHeaders, person.id, 'reinstate');
    expect(reinstated.statusCode, reinstated.body).toBe(200);
    expect(reinstated.json()).toMatchObject({ id: person.id, suspended: false, suspensionReason: null });
    expect((await signInAttempt(person.email)).statusCode).toBe(200);
    expect((await audit()).map((entry) => entry.action)).toEqual(['user.suspended', 'user.reinstated']);
    expect((await told()).map((event) => event.type)).toEqual(['account.suspended', 'account.reinstated']);
    expect((await act(scene.adminHeaders, person.id, 'reinstate')).statusCode).toBe(409);
  });

  it.each([{}, { reason: '' }, { reason: '  ' }])('refuses a suspension without a reason (%j)', async (payload) => {
    const scene = await networkWithABorrower();
    const response = await act(scene.adminHeaders, scene.person.id, 'suspend', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: [expect.objectContaining({ path: 'reason' })] });
    const [row] = await db()
      .select({ suspendedAt: users.suspendedAt })
      .from(users)
      .where(eq(users.id, scene.person.id));
    expect(row!.suspendedAt).toBeNull();
  });

  it('refuses to suspend oneself or an admin of the network; another network’s admin may not know the person', async () => {
    const scene = await networkWithABorrower();
    await addMember(db(), scene.admin.id, scene.borrower.organisation.id, 'member');
    const self = await act(scene.adminHeaders, scene.admin.id, 'suspend', { reason: 'Test' });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toMatch(/propre compte/);

    const otherAdmin = await makeNetworkAdmin(db(), scene.network.id);
    await addMember(db(), otherAdmin.id, scene.lender.organisation.id, 'member');
    const colleague = await act(scene.adminHeaders, otherAdmin.id, 'suspend', { reason: 'Test' });
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json().message).toMatch(/administre/);

    const moderator = await signedInModerator(t.app, db(), scene.network.id);
    expect((await act(moderator.headers, scene.person.id, 'suspend', { reason: 'Test' })).statusCode).toBe(403);
    const foreign = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    const asForeign = await act(await signIn(t.app, foreign.email), scene.person.id, 'suspend', { reason: 'Test' });
    expect(asForeign.statusCode).toBe(404);
    expect(await db().select().from(auditEntries).where(eq(auditEntries.targetId, scene.person.id))).toEqual([]);
  });
});

describe('the people of my networks', () => {
  it('lists the people of the network’s structures with their roles there, searched without accents', async () => {
    const scene = await networkWithABorrower();
    await db().insert(networkRoles).values({ userId: scene.person.id, networkId: scene.network.id, role: 'moderator' });
    // Their structure in another network is not this network's business.
    const elsewhere = await makeStructureWithManager(db(), { name: `Ailleurs ${uniqueSuffix()}` });
    await addMember(db(), scene.person.id, elsewhere.organisation.id, 'member');

    const response = await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: scene.adminHeaders });
    expect(response.statusCode, response.body).toBe(200);
    const people = response.json().people as Array<{ id: string; name: string }>;
    expect(people.map((person) => person.id).sort()).toEqual(
      [scene.lender.manager.id, scene.borrower.manager.id, scene.person.id].sort(),
    );
    expect(people.map((person) => person.name)).toEqual(
      people.map((person) => person.name).sort((a, b) => (a < b ? -1 : 1)),
    );

    const found = await t.app.inject({
      method: 'GET',
      url: `/api/admin/users?q=${encodeURIComponent('helene dupre')}`,
      headers: scene.adminHeaders,
    });
    expect(found.json().people).toEqual([
      {
        id: scene.person.id,
        name: scene.person.name,
        email: scene.person.email,
        suspended: false,
        suspendedAt: null,
        suspensionReason: null,
        structures: [
          {
            id: scene.borrower.organisation.id,
            name: scene.borrower.organisation.name,
            role: 'member',
            status: 'active',
          },
        ],
        networkRoles: [{ networkId: scene.network.id, networkName: scene.network.name, role: 'moderator' }],
      },
    ]);

    const page = await t.app.inject({ method: 'GET', url: '/api/admin/users?limit=2', headers: scene.adminHeaders });
    const next = await t.app.inject({
      method: 'GET',
      url: `/api/admin/users?limit=2&cursor=${page.json().nextCursor}`,
      headers: scene.adminHeaders,
    });
    expect([...page.json().people, ...next.json().people].map((person: { id: string }) => person.id)).toEqual(
      people.map((person) => person.id),
    );

    const foreign = await makeNetworkAdmin(db(), elsewhere.networkId);
    const asForeign = await t.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: await signIn(t.app, foreign.email),
    });
    expect(
      asForeign
        .json()
        .people.map((person: { id: string }) => person.id)
        .sort(),
    ).toEqual([elsewhere.manager.id, scene.person.id].sort());
    expect(asForeign.json().people.find((person: { id: string }) => person.id === scene.person.id)).toMatchObject({
      structures: [{ id: elsewhere.organisation.id }],
      networkRoles: [],
    });
  });
});
