import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { needs } from '../db/schema/needs.ts';
import { notifications } from '../db/schema/notifications.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { networkRoles } from '../db/schema/memberships.ts';
import {
  dayFromToday,
  makeBooking,
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  makeService,
  makeUser,
  moveBookingTo,
  signIn,
  signedInMember,
  signedInStructure,
  uniqueSuffix,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/** A network with its admin, and a structure of it with a manager, a member, an item, a service and a need. */
async function networkWithStructure(status: 'active' | 'pending' | 'rejected' | 'suspended' = 'active') {
  const network = await makeNetwork(db());
  const admin = await makeNetworkAdmin(db(), network.id);
  const structure = await lender(network.id, 'Ciblée');
  if (status !== 'active')
    await db().update(organisations).set({ status }).where(eq(organisations.id, structure.organisation.id));
  return { network, admin, adminHeaders: await signIn(t.app, admin.email), structure };
}

async function lender(networkId: string, role: string) {
  const made = await signedInStructure(t.app, db(), { networkId, name: `${role} ${uniqueSuffix()}` });
  const member = await signedInMember(t.app, db(), made.organisation.id, `Bénévole ${role}`);
  const item = await makeItem(db(), { organisationId: made.organisation.id, title: `Barnum ${role}`, quantity: 3 });
  return { ...made, member, item };
}

function act(
  headers: Record<string, string>,
  organisationId: string,
  action: 'suspend' | 'reinstate' | 'reopen' | 'request-changes',
  payload?: object,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/organisations/${organisationId}/${action}`,
    headers,
    ...(payload ? { payload } : {}),
  });
}

async function listed(headers: Record<string, string>, kind: 'items' | 'services' | 'needs', organisationId: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/${kind}?organisation=${organisationId}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Array<{ id: string }> }>().items.map((listing) => listing.id);
}

async function auditOf(organisationId: string) {
  return db()
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.targetId, organisationId))
    .orderBy(asc(auditEntries.id));
}

/** Who heard of an event about the structure, in the bell: recipient ids, sorted. */
async function toldOf(organisationId: string, type: string) {
  const rows = await db()
    .select({ recipientId: notifications.recipientId, params: events.params })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(and(eq(events.organisationId, organisationId), eq(events.type, type), eq(notifications.channel, 'in_app')));
  return { people: rows.map((row) => row.recipientId).sort(), params: rows.map((row) => row.params) };
}

async function bookingStatus(id: string) {
  const [row] = await db()
    .select({ status: bookings.status, declineCode: bookings.declineCode })
    .from(bookings)
    .where(eq(bookings.id, id));
  return row!;
}

describe('suspending and reinstating a structure', () => {
  it('takes its listings out of the catalogue, declines its waiting requests both ways, keeps and counts its loans', async () => {
    const { network, admin, adminHeaders, structure } = await networkWithStructure();
    const target = structure.organisation;
    const neighbour = await lender(network.id, 'Voisine');
    const borrower = await lender(network.id, 'Emprunteuse');
    const service = await makeService(db(), { organisationId: target.id });
    const [need] = await db()
      .insert(needs)
      .values({ organisationId: target.id, kind: 'item', title: 'Cherche des chaises', visibility: 'all' })
      .returning({ id: needs.id });

    const asked = await makeBooking(t.app, structure.headers, {
      itemId: neighbour.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    const askedOf = await makeBooking(t.app, borrower.headers, {
      itemId: structure.item.id,
      startDate: dayFromToday(12),
      endDate: dayFromToday(13),
    });
    const loan = await makeBooking(t.app, structure.headers, {
      itemId: neighbour.item.id,
      startDate: dayFromToday(20),
      endDate: dayFromToday(21),
    });
    await moveBookingTo(t.app, neighbour.headers, loan.id, 'accept');
    const bystander = await makeBooking(t.app, borrower.headers, {
      itemId: neighbour.item.id,
      startDate: dayFromToday(30),
      endDate: dayFromToday(31),
    });

    expect(await listed(neighbour.headers, 'items', target.id)).toEqual([structure.item.id]);
    expect(await listed(neighbour.headers, 'services', target.id)).toEqual([service.id]);
    expect(await listed(neighbour.headers, 'needs', target.id)).toEqual([need!.id]);

    const reason = '  Plusieurs prêts rendus abîmés : parlons-en.';
    const response = await act(adminHeaders, target.id, 'suspend', { reason });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: target.id,
      status: 'suspended',
      declinedRequests: 2,
      openLoans: 1,
      managers: [{ name: structure.manager.name, email: structure.manager.email }],
    });

    for (const kind of ['items', 'services', 'needs'] as const)
      expect(await listed(neighbour.headers, kind, target.id), kind).toEqual([]);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/items/${structure.item.id}`,
      headers: neighbour.headers,
    });
    expect(page.statusCode).toBe(404);

    expect(await bookingStatus(asked.id)).toEqual({ status: 'declined', declineCode: 'borrower_suspended' });
    expect(await bookingStatus(askedOf.id)).toEqual({ status: 'declined', declineCode: 'lender_suspended' });
    expect(await bookingStatus(loan.id)).toEqual({ status: 'accepted', declineCode: null });
    expect(await bookingStatus(bystander.id)).toEqual({ status: 'requested', declineCode: null });

    const told = await toldOf(target.id, 'organisation.suspended');
    expect(told.people).toEqual([structure.manager.id, structure.member.user.id].sort());
    expect(told.params).toEqual([{ reason }, { reason }]);
    const bell = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: structure.member.headers });
    expect(bell.json().notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'organisation.suspended',
          link: '/ma-structure',
          params: { reason },
          about: expect.objectContaining({ organisationName: target.name }),
        }),
      ]),
    );

    const [entry] = await auditOf(target.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: 'organisation.suspended',
      targetType: 'organisation',
      organisationId: target.id,
      networkIds: [network.id],
      before: { status: 'active' },
      after: { status: 'suspended' },
      note: reason,
    });

    const listedSuspended = await t.app.inject({
      method: 'GET',
      url: '/api/admin/organisations?status=suspended',
      headers: adminHeaders,
    });
    expect(listedSuspended.json().organisations.map((o: { id: string }) => o.id)).toEqual([target.id]);

    const again = await act(adminHeaders, target.id, 'suspend', { reason: 'Encore' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'organisation_status_conflict' });
    expect(await auditOf(target.id)).toHaveLength(1);

    const reinstated = await act(adminHeaders, target.id, 'reinstate');
    expect(reinstated.statusCode, reinstated.body).toBe(200);
    expect(reinstated.json()).toMatchObject({ id: target.id, status: 'active' });
    expect(await listed(neighbour.headers, 'items', target.id)).toEqual([structure.item.id]);
    expect(await listed(neighbour.headers, 'services', target.id)).toEqual([service.id]);
    expect((await toldOf(target.id, 'organisation.reinstated')).people).toEqual(
      [structure.manager.id, structure.member.user.id].sort(),
    );
    expect((await auditOf(target.id)).at(-1)).toMatchObject({
      action: 'organisation.reinstated',
      before: { status: 'suspended' },
      after: { status: 'active' },
      note: null,
    });
    expect((await act(adminHeaders, target.id, 'reinstate')).statusCode).toBe(409);
  });

  it.each([{}, { reason: '' }, { reason: ' \n ' }])(
    'refuses a suspension without a reason (%j): nothing is written',
    async (payload) => {
      const { adminHeaders, structure } = await networkWithStructure();
      const response = await act(adminHeaders, structure.organisation.id, 'suspend', payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: 'validation_failed',
        details: [expect.objectContaining({ path: 'reason' })],
      });
      const [row] = await db()
        .select({ status: organisations.status })
        .from(organisations)
        .where(eq(organisations.id, structure.organisation.id));
      expect(row!.status).toBe('active');
      expect(await auditOf(structure.organisation.id)).toEqual([]);
      expect((await toldOf(structure.organisation.id, 'organisation.suspended')).people).toEqual([]);
    },
  );

  it("is for the structure's network admins only: another network's admin, a moderator, a manager are refused", async () => {
    const { network, structure } = await networkWithStructure('suspended');
    const foreignAdmin = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    const asForeign = await act(await signIn(t.app, foreignAdmin.email), structure.organisation.id, 'reinstate');
    expect(asForeign.statusCode).toBe(404);
    const moderator = await makeUser(db(), { name: 'Modération' });
    await db().insert(networkRoles).values({ userId: moderator.id, networkId: network.id, role: 'moderator' });
    const asModerator = await act(await signIn(t.app, moderator.email), structure.organisation.id, 'reinstate');
    expect(asModerator.statusCode).toBe(403);
    const asManager = await act(structure.headers, structure.organisation.id, 'reinstate');
    expect(asManager.statusCode).toBe(403);
    expect(await auditOf(structure.organisation.id)).toEqual([]);
  });
});

describe('reopening a refused structure and asking for changes', () => {
  it('puts a refused structure back in the review queue, its managers told', async () => {
    const { adminHeaders, structure, admin } = await networkWithStructure('rejected');
    const response = await act(adminHeaders, structure.organisation.id, 'reopen');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: structure.organisation.id, status: 'pending', rejectionReason: null });
    const queue = await t.app.inject({ method: 'GET', url: '/api/admin/organisations', headers: adminHeaders });
    expect(queue.json().organisations.map((o: { id: string }) => o.id)).toContain(structure.organisation.id);
    expect((await toldOf(structure.organisation.id, 'organisation.reopened')).people).toEqual([structure.manager.id]);
    expect(await auditOf(structure.organisation.id)).toMatchObject([
      {
        actorId: admin.id,
        action: 'organisation.reopened',
        before: { status: 'rejected' },
        after: { status: 'pending' },
      },
    ]);
    expect((await act(adminHeaders, structure.organisation.id, 'reopen')).statusCode).toBe(409);
  });

  it('asks a pending structure for changes: it stays pending, its managers read the message', async () => {
    const { adminHeaders, structure } = await networkWithStructure('pending');
    const message = 'Ajoutez les statuts de l’association, s’il vous plaît.';
    const response = await act(adminHeaders, structure.organisation.id, 'request-changes', { message });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: structure.organisation.id, status: 'pending' });
    const told = await toldOf(structure.organisation.id, 'organisation.changes_requested');
    expect(told).toEqual({ people: [structure.manager.id], params: [{ message }] });
    expect(await auditOf(structure.organisation.id)).toMatchObject([
      {
        action: 'organisation.changes_requested',
        before: { status: 'pending' },
        after: { status: 'pending' },
        note: message,
      },
    ]);

    const blank = await act(adminHeaders, structure.organisation.id, 'request-changes', { message: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details[0].path).toBe('message');
    expect(await auditOf(structure.organisation.id)).toHaveLength(1);

    await act(adminHeaders, structure.organisation.id, 'reopen').then((r) => expect(r.statusCode).toBe(409));
  });

  it('asks for changes only while the structure waits', async () => {
    const { adminHeaders, structure } = await networkWithStructure('active');
    const response = await act(adminHeaders, structure.organisation.id, 'request-changes', { message: 'Trop tard' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('organisation_not_pending');
  });
});

describe('a structure in two networks', () => {
  it('is suspended for both, and both networks’ journals say so', async () => {
    const { network, adminHeaders, structure } = await networkWithStructure();
    const other = await makeNetwork(db());
    const otherAdmin = await makeNetworkAdmin(db(), other.id);
    await db().insert(organisationNetworks).values({ organisationId: structure.organisation.id, networkId: other.id });

    const suspended = await act(adminHeaders, structure.organisation.id, 'suspend', {
      reason: 'Prêts rendus abîmés',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);

    const [entry] = await db()
      .select({ networkIds: auditEntries.networkIds, note: auditEntries.note })
      .from(auditEntries)
      .where(
        and(eq(auditEntries.targetId, structure.organisation.id), eq(auditEntries.action, 'organisation.suspended')),
      );
    expect([...entry!.networkIds].sort()).toEqual([network.id, other.id].sort());
    expect(entry!.note).toBe('Prêts rendus abîmés');
    const journal = await t.app.inject({
      method: 'GET',
      url: `/api/admin/audit?organisationId=${structure.organisation.id}`,
      headers: await signIn(t.app, otherAdmin.email),
    });
    expect(journal.json<{ entries: Array<{ action: string }> }>().entries.map((e) => e.action)).toContain(
      'organisation.suspended',
    );
  });
});
