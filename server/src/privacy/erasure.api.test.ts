import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { bookingMessages, bookings } from '../db/schema/bookings.ts';
import { memberships } from '../db/schema/memberships.ts';
import { users } from '../db/schema/users.ts';
import { moveBookingTo, signIn, testPassword } from '../../test/factories.ts';
import { mailboxOf } from '../../test/mail.ts';
import { findEverywhere, historyTotals, privacyScene } from '../../test/privacy-factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { eraseDueAccounts } from './erasure.ts';

// The erasure sweeps every account that is due: a database no other test file writes to.
const t = useTestApp({ ownDatabase: true });
const db = () => t.connection.db;

/** The grace period is over: as if the request had been made eight days ago. */
async function graceOver(userId: string) {
  await db()
    .update(users)
    .set({ deletionRequestedAt: sql`now() - interval '8 days'`, eraseAfter: sql`now() - interval '1 day'` })
    .where(eq(users.id, userId));
}

async function askToDelete(headers: Record<string, string>) {
  const response = await t.app.inject({
    method: 'DELETE',
    url: '/api/me',
    headers,
    payload: { password: testPassword },
  });
  expect(response.statusCode, response.body).toBe(202);
}

async function exists(userId: string) {
  return (await db().select({ id: users.id }).from(users).where(eq(users.id, userId))).length === 1;
}

/** Léonie no longer the only manager of S, so that she may go while the loan runs. */
async function colleagueManagesToo(scene: Awaited<ReturnType<typeof privacyScene>>) {
  await db()
    .update(memberships)
    .set({ role: 'manager' })
    .where(and(eq(memberships.userId, scene.colleague.id), eq(memberships.organisationId, scene.borrowerStructure.id)));
}

describe('erasing an account after its grace period', () => {
  it('leaves no personal data of theirs anywhere in the database, and every total unchanged', async () => {
    const scene = await privacyScene(t.app, db());
    await colleagueManagesToo(scene);
    // The emails the others received about her messages are rendered and kept, as the local mailbox does.
    await mailboxOf(t.connection, scene.counterpart.email);
    await mailboxOf(t.connection, scene.colleague.email);
    const herTraces = [
      scene.person.name,
      scene.person.email,
      scene.traces.phone,
      scene.traces.ipAddress,
      scene.traces.userAgent,
    ];
    const before = await findEverywhere(t.connection, herTraces);
    // The search does find her before: in her account, her session, her messages, the emails Odile received.
    expect(before.found.some((hit) => hit.startsWith('public.users.'))).toBe(true);
    expect(before.found.some((hit) => hit.startsWith('public.sessions.ip_address'))).toBe(true);
    expect(before.found.some((hit) => hit.startsWith('public.booking_messages.body'))).toBe(true);
    expect(before.found.some((hit) => hit.startsWith('public.notifications.'))).toBe(true);
    const totalsBefore = await historyTotals(db(), [scene.borrowerStructure.id, scene.lenderStructure.id]);

    await askToDelete(scene.headers.person);
    await graceOver(scene.person.id);
    expect(await eraseDueAccounts(db())).toBe(1);

    const after = await findEverywhere(t.connection, herTraces);
    expect(after.columnsSearched).toBeGreaterThan(100);
    expect(after.found).toEqual([]);
    expect(await historyTotals(db(), [scene.borrowerStructure.id, scene.lenderStructure.id])).toEqual(totalsBefore);
    expect(await exists(scene.person.id)).toBe(false);

    // The others keep theirs: the search would have found them.
    const others = await findEverywhere(t.connection, [scene.counterpart.name, scene.colleague.email]);
    expect(others.found.length).toBeGreaterThan(0);

    // The loan stays with its structures, without its requester; her message stays in the thread, without her words.
    const [loan] = await db().select().from(bookings).where(eq(bookings.id, scene.loan.id));
    expect(loan).toMatchObject({
      status: 'accepted',
      requestedBy: null,
      message: '',
      borrowerOrganisationId: scene.borrowerStructure.id,
    });
    const thread = await db().select().from(bookingMessages).where(eq(bookingMessages.bookingId, scene.loan.id));
    expect(thread).toHaveLength(3);
    expect(thread.filter((message) => message.authorId === null).map((message) => message.body)).toEqual(['…']);
    expect(thread.some((message) => message.body.includes('Tilleuls'))).toBe(true);

    const erased = await db()
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'account.erased'), eq(auditEntries.targetId, scene.person.id)));
    expect(erased).toEqual([
      expect.objectContaining({ actorId: null, targetType: 'user', networkIds: [scene.network.id] }),
    ]);

    // The lender still reads its loan.
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/bookings/${scene.loan.id}`,
      headers: scene.headers.counterpart,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ requestedBy: null, status: 'accepted' });
  });

  it('is idempotent: a second run finds nothing to do', async () => {
    const scene = await privacyScene(t.app, db());
    await moveBookingTo(t.app, scene.headers.counterpart, scene.loan.id, 'cancel', { reason: 'Annulé.' });
    await askToDelete(scene.headers.person);
    await graceOver(scene.person.id);
    expect(await eraseDueAccounts(db())).toBe(1);
    expect(await eraseDueAccounts(db())).toBe(0);
  });

  it('never erases before the grace period is over, nor after the person signed in again', async () => {
    const scene = await privacyScene(t.app, db());
    await colleagueManagesToo(scene);
    await askToDelete(scene.headers.person);
    expect(await eraseDueAccounts(db())).toBe(0);
    expect(await exists(scene.person.id)).toBe(true);

    await signIn(t.app, scene.person.email);
    const [row] = await db().select({ eraseAfter: users.eraseAfter }).from(users).where(eq(users.id, scene.person.id));
    expect(row!.eraseAfter).toBeNull();
    expect(await eraseDueAccounts(db())).toBe(0);
    expect(await exists(scene.person.id)).toBe(true);
  });

  it('is postponed, and logged, while the person became the last manager of a structure with loans under way', async () => {
    const scene = await privacyScene(t.app, db());
    await colleagueManagesToo(scene);
    await askToDelete(scene.headers.person);
    // Meanwhile Bastien is a member again: Léonie is the last manager, and the loan runs.
    await db().update(memberships).set({ role: 'member' }).where(eq(memberships.userId, scene.colleague.id));
    await graceOver(scene.person.id);
    const warnings: object[] = [];
    expect(await eraseDueAccounts(db(), { warn: (details) => warnings.push(details) })).toBe(0);
    expect(await exists(scene.person.id)).toBe(true);
    expect(warnings).toEqual([{ userId: scene.person.id, organisationIds: [scene.borrowerStructure.id] }]);
    const [row] = await db().select({ eraseAfter: users.eraseAfter }).from(users).where(eq(users.id, scene.person.id));
    expect(row!.eraseAfter).not.toBeNull();

    // Once the loan is over, the next run erases her.
    await moveBookingTo(t.app, scene.headers.counterpart, scene.loan.id, 'cancel', { reason: 'Annulé.' });
    expect(await eraseDueAccounts(db())).toBe(1);
    expect(await exists(scene.person.id)).toBe(false);
  });

  it('erases, the same way, an account an admin scheduled on request', async () => {
    const scene = await privacyScene(t.app, db());
    await colleagueManagesToo(scene);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${scene.person.id}`,
      headers: await signIn(t.app, scene.admin.email),
      payload: { note: 'Demande reçue par courrier.' },
    });
    expect(response.statusCode, response.body).toBe(202);
    await graceOver(scene.person.id);
    expect(await eraseDueAccounts(db())).toBe(1);
    expect((await findEverywhere(t.connection, [scene.person.name, scene.person.email])).found).toEqual([]);
  });
});
