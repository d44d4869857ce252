import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { bookings } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import {
  dayFromToday,
  makeBooking,
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  makeOrganisation,
  moveBookingTo,
  signIn,
  signedInStructure,
  uniqueSuffix,
} from '../../test/factories.ts';
import { failAnEmailOf, makeOpenReport, moveLoanDays, signedInModerator } from '../../test/inbox-factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Entry = {
  kind: string;
  reason: string | null;
  since: string;
  id: string;
  networks: Array<{ id: string; name: string }>;
  organisation: { name: string; city: string } | null;
  listing: { title: string; type: string; organisation: { name: string } } | null;
  report: { text: string; reasonCode: string; organisation: { name: string } } | null;
  loan: {
    lender: { name: string };
    borrower: { name: string };
    status: string;
    items: Array<{ title: string; quantity: number }>;
    returnCondition: string | null;
  } | null;
  email: { to: string; lastError: string | null; kind: string } | null;
};

async function inbox(headers: Record<string, string>, query = '') {
  const response = await t.app.inject({ method: 'GET', url: `/api/admin/inbox${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ entries: Entry[]; nextCursor: string | null }>();
}

async function counts(headers: Record<string, string>, query = '') {
  const response = await t.app.inject({ method: 'GET', url: `/api/admin/inbox/counts${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Record<string, number>>();
}

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000);

/**
 * A network with one entry of each kind, each waiting since a known instant: a structure pending
 * (10 days), a listing to review (9), an open report (8), a failed email (7), and loans — one
 * unanswered request expiring in 12 hours, one handed over and 5 days overdue, one returned damaged.
 */
async function networkWithAWaitingOfEachKind() {
  const network = await makeNetwork(db());
  const admin = await makeNetworkAdmin(db(), network.id);
  const adminHeaders = await signIn(t.app, admin.email);
  const lender = await signedInStructure(t.app, db(), { networkId: network.id, name: `Prêteuse ${uniqueSuffix()}` });
  const borrower = await signedInStructure(t.app, db(), {
    networkId: network.id,
    name: `Emprunteuse ${uniqueSuffix()}`,
  });
  const item = await makeItem(db(), { organisationId: lender.organisation.id, title: 'Tonnelle 3x3', quantity: 10 });

  const pending = await makeOrganisation(db(), {
    networkId: network.id,
    status: 'pending',
    name: `Recyclerie ${uniqueSuffix()}`,
    city: 'Roubaix',
  });
  const pendingSince = daysAgo(10);
  await db().update(organisations).set({ createdAt: pendingSince }).where(eq(organisations.id, pending.id));
  const toReview = await makeItem(db(), {
    organisationId: lender.organisation.id,
    title: 'Perceuse à revoir',
    status: 'pending_review',
  });
  await db()
    .update(items)
    .set({ updatedAt: daysAgo(9) })
    .where(eq(items.id, toReview.id));
  const report = await makeOpenReport(db(), {
    organisationId: lender.organisation.id,
    networkIds: [network.id],
    reporterId: borrower.manager.id,
    createdAt: daysAgo(8),
  });

  const unanswered = await makeBooking(t.app, borrower.headers, {
    itemId: item.id,
    startDate: dayFromToday(20),
    endDate: dayFromToday(21),
  });
  const expiresAt = new Date(Date.now() + 12 * 3600_000);
  await db().update(bookings).set({ expiresAt }).where(eq(bookings.id, unanswered.id));
  const email = await failAnEmailOf(db(), unanswered.id, daysAgo(7));

  const overdue = await makeBooking(t.app, borrower.headers, {
    itemId: item.id,
    startDate: dayFromToday(0),
    endDate: dayFromToday(1),
  });
  await moveBookingTo(t.app, lender.headers, overdue.id, 'accept');
  await moveBookingTo(t.app, lender.headers, overdue.id, 'pickup');
  await moveLoanDays(db(), overdue.id, dayFromToday(-8), dayFromToday(-5));

  const damaged = await makeBooking(t.app, borrower.headers, {
    itemId: item.id,
    startDate: dayFromToday(0),
    endDate: dayFromToday(1),
    quantity: 2,
  });
  await moveBookingTo(t.app, lender.headers, damaged.id, 'accept');
  await moveBookingTo(t.app, lender.headers, damaged.id, 'pickup');
  await moveBookingTo(t.app, lender.headers, damaged.id, 'return', {
    condition: 'damaged',
    incidentNote: 'Un pied tordu.',
  });

  return {
    network,
    admin,
    adminHeaders,
    lender,
    borrower,
    item,
    pending,
    pendingSince,
    toReview,
    report,
    email,
    unanswered,
    expiresAt,
    overdue,
    damaged,
  };
}

describe('the moderation inbox', () => {
  it('lists what waits in the network, oldest first, each with its context, and its counts agree', async () => {
    const scene = await networkWithAWaitingOfEachKind();
    const { entries, nextCursor } = await inbox(scene.adminHeaders);
    expect(nextCursor).toBeNull();
    expect(entries.map((entry) => [entry.kind, entry.reason, entry.id])).toEqual([
      ['organisation', null, scene.pending.id],
      ['listing', null, scene.toReview.id],
      ['report', null, scene.report.id],
      ['email', null, scene.email],
      // Overdue by more than 3 days since the start of the 4th day after its last one (yesterday).
      ['loan', 'overdue', scene.overdue.id],
      // Unanswered since 24 hours before it expires (12 hours ago).
      ['loan', 'unanswered', scene.unanswered.id],
      ['loan', 'returned_damaged', scene.damaged.id],
    ]);
    const sinces = entries.map((entry) => entry.since);
    expect([...sinces].sort()).toEqual(sinces);
    expect(entries[0]!.since).toBe(scene.pendingSince.toISOString());
    for (const entry of entries) expect(entry.networks).toEqual([{ id: scene.network.id, name: scene.network.name }]);

    const [organisation, listing, report, email, overdue, , damaged] = entries;
    expect(organisation!.organisation).toMatchObject({ name: scene.pending.name, city: 'Roubaix' });
    expect(listing!.listing).toMatchObject({
      title: 'Perceuse à revoir',
      type: 'item',
      organisation: { name: scene.lender.organisation.name },
    });
    expect(report!.report).toMatchObject({
      reasonCode: 'misleading',
      text: 'Les horaires annoncés sont faux.',
      organisation: { name: scene.lender.organisation.name },
    });
    expect(email!.email).toMatchObject({ lastError: '550 5.1.1 mailbox unavailable', kind: 'booking.requested' });
    expect(email!.email!.to).toContain('@');
    expect(overdue!.loan).toMatchObject({
      status: 'picked_up',
      lender: { name: scene.lender.organisation.name },
      borrower: { name: scene.borrower.organisation.name },
      items: [{ title: 'Tonnelle 3x3', quantity: 1 }],
    });
    expect(damaged!.loan).toMatchObject({
      returnCondition: 'damaged',
      items: [{ title: 'Tonnelle 3x3', quantity: 2 }],
    });

    expect(await counts(scene.adminHeaders)).toEqual({
      organisations: 1,
      listings: 1,
      reports: 1,
      loans: 3,
      emails: 1,
      total: 7,
    });

    const onlyLoans = await inbox(scene.adminHeaders, `?kind=loan&networkId=${scene.network.id}`);
    expect(onlyLoans.entries.map((entry) => entry.reason)).toEqual(['overdue', 'unanswered', 'returned_damaged']);

    // Pages of two, in the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { entries: Entry[]; nextCursor: string | null } = await inbox(
        scene.adminHeaders,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.entries.map((entry) => `${entry.kind}:${entry.reason ?? ''}:${entry.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(entries.map((entry) => `${entry.kind}:${entry.reason ?? ''}:${entry.id}`));
  });

  it('leaves structures and emails out of a moderator’s inbox, and shows none of another network’s entries', async () => {
    const scene = await networkWithAWaitingOfEachKind();
    const moderator = await signedInModerator(t.app, db(), scene.network.id);
    const asModerator = await inbox(moderator.headers);
    expect([...new Set(asModerator.entries.map((entry) => entry.kind))]).toEqual(['listing', 'report', 'loan']);
    expect(await counts(moderator.headers)).toEqual({
      organisations: 0,
      listings: 1,
      reports: 1,
      loans: 3,
      emails: 0,
      total: 5,
    });

    const foreignAdmin = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    const foreignHeaders = await signIn(t.app, foreignAdmin.email);
    expect((await inbox(foreignHeaders)).entries).toEqual([]);
    expect((await counts(foreignHeaders)).total).toBe(0);
    const filtered = await t.app.inject({
      method: 'GET',
      url: `/api/admin/inbox?networkId=${scene.network.id}`,
      headers: foreignHeaders,
    });
    expect(filtered.statusCode).toBe(403);

    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/admin/loans/${scene.overdue.id}/follow-up`,
      headers: foreignHeaders,
      payload: { reason: 'overdue' },
    });
    expect(refused.statusCode).toBe(404);
    const asMember = await t.app.inject({ method: 'GET', url: '/api/admin/inbox', headers: scene.lender.headers });
    expect(asMember.statusCode).toBe(403);
  });

  it('drops a loan marked handled for its reason, audited with the note; another reason brings it back', async () => {
    const scene = await networkWithAWaitingOfEachKind();
    const moderator = await signedInModerator(t.app, db(), scene.network.id);
    const note = '  Appelé la structure : retour prévu jeudi.';
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/admin/loans/${scene.overdue.id}/follow-up`,
      headers: moderator.headers,
      payload: { reason: 'overdue', note },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      bookingId: scene.overdue.id,
      reason: 'overdue',
      networkIds: [scene.network.id],
      note,
    });
    const loans = (await inbox(moderator.headers, '?kind=loan')).entries.map((entry) => entry.id);
    expect(loans).toEqual([scene.unanswered.id, scene.damaged.id]);
    expect((await counts(scene.adminHeaders)).loans).toBe(2);

    const audit = await db().select().from(auditEntries).where(eq(auditEntries.targetId, scene.overdue.id));
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: moderator.user.id,
        action: 'loan.followed_up',
        targetType: 'booking',
        networkIds: [scene.network.id],
        note,
      }),
    ]);

    // The borrower is suspended: the same loan needs a human again, for that reason.
    await db()
      .update(organisations)
      .set({ status: 'suspended' })
      .where(eq(organisations.id, scene.borrower.organisation.id));
    const again = (await inbox(moderator.headers, '?kind=loan')).entries.map((entry) => [entry.reason, entry.id]);
    expect(again).toContainEqual(['party_suspended', scene.overdue.id]);
    expect(again).not.toContainEqual(['overdue', scene.overdue.id]);
  });

  it('shows an overdue loan only once it is more than the network’s days late (Paris days)', async () => {
    const scene = await networkWithAWaitingOfEachKind();
    const overdueIds = async () =>
      (await inbox(scene.adminHeaders, '?kind=loan')).entries
        .filter((entry) => entry.reason === 'overdue')
        .map((entry) => entry.id);
    await moveLoanDays(db(), scene.overdue.id, dayFromToday(-6), dayFromToday(-3));
    expect(await overdueIds()).toEqual([]);
    await moveLoanDays(db(), scene.overdue.id, dayFromToday(-7), dayFromToday(-4));
    expect(await overdueIds()).toEqual([scene.overdue.id]);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/networks/${scene.network.id}`,
      headers: scene.adminHeaders,
      payload: { overdueDaysBeforeInbox: 4 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await overdueIds()).toEqual([]);
    await moveLoanDays(db(), scene.overdue.id, dayFromToday(-8), dayFromToday(-5));
    expect(await overdueIds()).toEqual([scene.overdue.id]);
  });

  it('refuses a cursor that is not one of its own with a 400', async () => {
    const scene = await networkWithAWaitingOfEachKind();
    for (const cursor of ['nope', Buffer.from('["a","b","c","d"]').toString('base64url')]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/admin/inbox?cursor=${cursor}`,
        headers: scene.adminHeaders,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ details: [expect.objectContaining({ path: 'cursor' })] });
    }
  });
});
