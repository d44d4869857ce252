import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { events } from '../db/schema/events.ts';
import { memberships } from '../db/schema/memberships.ts';
import { sessions, users } from '../db/schema/users.ts';
import { addMember, makeUser, moveBookingTo, signIn, testPassword } from '../../test/factories.ts';
import { privacyScene } from '../../test/privacy-factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import type { PersonalDataExport } from './schemas.ts';

const t = useTestApp();
const db = () => t.connection.db;

function auditAbout(userId: string) {
  return db()
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.targetType, 'user'), eq(auditEntries.targetId, userId)))
    .orderBy(asc(auditEntries.id));
}

async function deletionOf(userId: string) {
  const [row] = await db()
    .select({ requestedAt: users.deletionRequestedAt, eraseAfter: users.eraseAfter })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

async function sessionCount(userId: string) {
  return (await db().select().from(sessions).where(eq(sessions.userId, userId))).length;
}

describe('GET /api/me/export', () => {
  it('downloads what the person gave and what was recorded about them, and nothing of anyone else', async () => {
    const scene = await privacyScene(t.app, db());
    const response = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: scene.headers.person });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="mutua-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const exported = response.json<PersonalDataExport>();

    expect(exported.profile).toMatchObject({ id: scene.person.id, name: scene.person.name, email: scene.person.email });
    expect(exported.sessions).toContainEqual(
      expect.objectContaining({ ipAddress: scene.traces.ipAddress, userAgent: scene.traces.userAgent }),
    );
    expect(exported.memberships).toEqual([
      expect.objectContaining({
        organisation: { id: scene.borrowerStructure.id, name: scene.borrowerStructure.name },
        role: 'manager',
        status: 'active',
      }),
    ]);
    expect(exported.requests).toEqual([
      expect.objectContaining({
        id: scene.loan.id,
        status: 'accepted',
        lender: { id: scene.lenderStructure.id, name: scene.lenderStructure.name },
        borrower: { id: scene.borrowerStructure.id, name: scene.borrowerStructure.name },
        lines: [{ itemId: scene.item.id, title: scene.item.title, quantity: 2 }],
        startDate: scene.loan.startDate,
        message: expect.stringContaining(scene.traces.phone),
      }),
    ]);
    // Her own message only: Odile's and Bastien's are theirs.
    expect(exported.messages.map((message) => message.body)).toEqual([
      expect.stringContaining(`Mon portable : ${scene.traces.phone}`),
    ]);
    expect(exported.needResponses).toEqual([expect.objectContaining({ needId: scene.need.id })]);
    expect(exported.notifications.map((n) => `${n.kind}:${n.channel}`)).toEqual(
      expect.arrayContaining(['booking.accepted:in_app', 'booking.accepted:email', 'booking.message:in_app']),
    );
    expect(exported.notificationPreferences).toEqual([
      expect.objectContaining({ kind: 'booking.message', email: 'digest' }),
    ]);
    expect(exported.reports).toEqual([expect.objectContaining({ targetId: scene.item.id, reasonCode: 'other' })]);
    expect(exported.charterReadings).toEqual([expect.objectContaining({ version: 1 })]);
    expect(exported.audit).toContainEqual(expect.objectContaining({ action: 'data.exported', as: 'actor' }));

    const everything = response.body.toLowerCase();
    for (const other of [scene.counterpart, scene.colleague, scene.admin]) {
      expect(everything, other.name).not.toContain(other.name.toLowerCase());
      expect(everything, other.email).not.toContain(other.email.toLowerCase());
    }
    expect(everything).not.toContain('rue des tilleuls');

    const [entry] = (await auditAbout(scene.person.id)).filter((row) => row.action === 'data.exported');
    expect(entry).toMatchObject({ actorId: scene.person.id, networkIds: [scene.network.id] });
  });

  it('is for the signed-in person only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(401);
  });
});

describe('DELETE /api/me', () => {
  it('refuses a wrong password, about that field, and changes nothing', async () => {
    const person = await makeUser(db());
    const headers = await signIn(t.app, person.email);
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers,
      payload: { password: 'pas le bon' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'invalid_credentials', details: [{ path: 'password' }] });
    expect(await deletionOf(person.id)).toEqual({ requestedAt: null, eraseAfter: null });
    expect(await sessionCount(person.id)).toBe(1);
  });

  it('schedules the erasure in 7 days, signs the person out everywhere, audits it and tells them', async () => {
    const person = await makeUser(db());
    const headers = await signIn(t.app, person.email);
    const elsewhere = await signIn(t.app, person.email);
    const before = Date.now();
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers,
      payload: { password: testPassword },
    });
    expect(response.statusCode, response.body).toBe(202);
    const { eraseAfter } = response.json<{ eraseAfter: string }>();
    const sevenDays = 7 * 24 * 3600 * 1000;
    expect(Date.parse(eraseAfter) - before).toBeGreaterThan(sevenDays - 60_000);
    expect(Date.parse(eraseAfter) - before).toBeLessThan(sevenDays + 60_000);
    expect(response.headers['set-cookie']).toBeDefined();

    for (const session of [headers, elsewhere])
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(401);
    expect(await sessionCount(person.id)).toBe(0);
    expect((await deletionOf(person.id)).eraseAfter?.toISOString()).toBe(eraseAfter);

    const [entry] = await auditAbout(person.id);
    expect(entry).toMatchObject({
      action: 'account.erasure_scheduled',
      actorId: person.id,
      after: expect.objectContaining({ eraseAfter }),
    });
    const [event] = await db().select().from(events).where(eq(events.userId, person.id));
    expect(event).toMatchObject({ type: 'account.deletion_scheduled', params: { eraseAfter } });
  });

  it('is cancelled by signing in within the grace period, and the cancellation is audited', async () => {
    const person = await makeUser(db());
    const headers = await signIn(t.app, person.email);
    await t.app.inject({ method: 'DELETE', url: '/api/me', headers, payload: { password: testPassword } });
    expect((await deletionOf(person.id)).eraseAfter).not.toBeNull();

    const again = await signIn(t.app, person.email);
    expect(await deletionOf(person.id)).toEqual({ requestedAt: null, eraseAfter: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: again })).statusCode).toBe(200);
    expect((await auditAbout(person.id)).map((entry) => entry.action)).toEqual([
      'account.erasure_scheduled',
      'account.erasure_cancelled',
    ]);
  });

  it('is refused while they are the last manager of a structure with a loan under way, naming it', async () => {
    const scene = await privacyScene(t.app, db());
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: scene.headers.person,
      payload: { password: testPassword },
    });
    expect(response.statusCode).toBe(409);
    const refusal = response.json<{ error: string; details: Array<{ message: string }> }>();
    expect(refusal.error).toBe('last_manager_with_open_loans');
    expect(refusal.details).toHaveLength(1);
    expect(refusal.details[0]!.message).toContain(scene.borrowerStructure.name);
    expect(await deletionOf(scene.person.id)).toEqual({ requestedAt: null, eraseAfter: null });
    expect(await sessionCount(scene.person.id)).toBe(1);
    expect(await auditAbout(scene.person.id)).toEqual([]);

    // Once someone else manages the structure, she may go.
    await db()
      .update(memberships)
      .set({ role: 'manager' })
      .where(
        and(eq(memberships.userId, scene.colleague.id), eq(memberships.organisationId, scene.borrowerStructure.id)),
      );
    const allowed = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: scene.headers.person,
      payload: { password: testPassword },
    });
    expect(allowed.statusCode, allowed.body).toBe(202);
  });

  it('lets the last manager go once the loans are over', async () => {
    const scene = await privacyScene(t.app, db());
    await moveBookingTo(t.app, scene.headers.counterpart, scene.loan.id, 'cancel', { reason: 'Annulé.' });
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: scene.headers.person,
      payload: { password: testPassword },
    });
    expect(response.statusCode, response.body).toBe(202);
  });
});

describe('the admins, on a person’s request', () => {
  it('export the person’s data, audited with the admin as actor; a foreign admin gets a 404, a moderator a 403', async () => {
    const scene = await privacyScene(t.app, db());
    const url = `/api/admin/users/${scene.person.id}/export`;
    const adminHeaders = await signIn(t.app, scene.admin.email);
    const response = await t.app.inject({ method: 'GET', url, headers: adminHeaders });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mutua-mes-donnees-/);
    const exported = response.json<PersonalDataExport>();
    expect(exported.profile.email).toBe(scene.person.email);
    expect(response.body).not.toContain(scene.admin.email);
    expect(await auditAbout(scene.person.id)).toEqual([
      expect.objectContaining({ action: 'data.exported', actorId: scene.admin.id, networkIds: [scene.network.id] }),
    ]);

    const foreign = await t.app.inject({ method: 'GET', url, headers: await signIn(t.app, scene.foreignAdmin.email) });
    expect(foreign.statusCode).toBe(404);
    const moderator = await t.app.inject({ method: 'GET', url, headers: await signIn(t.app, scene.moderator.email) });
    expect(moderator.statusCode).toBe(403);
    expect(await auditAbout(scene.person.id)).toHaveLength(1);
  });

  it('schedule the erasure with the same grace period, the request noted as typed', async () => {
    const scene = await privacyScene(t.app, db());
    await moveBookingTo(t.app, scene.headers.counterpart, scene.loan.id, 'cancel', { reason: 'Annulé.' });
    const adminHeaders = await signIn(t.app, scene.admin.email);
    const url = `/api/admin/users/${scene.person.id}`;

    const naming = await t.app.inject({
      method: 'DELETE',
      url,
      headers: adminHeaders,
      payload: { note: `Demande de ${scene.person.name} par courrier` },
    });
    expect(naming.statusCode).toBe(400);
    expect(naming.json()).toMatchObject({ error: 'validation_failed', details: [{ path: 'note' }] });

    const foreign = await t.app.inject({
      method: 'DELETE',
      url,
      headers: await signIn(t.app, scene.foreignAdmin.email),
      payload: { note: 'Demande reçue par courrier.' },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await deletionOf(scene.person.id)).eraseAfter).toBeNull();

    const note = 'Demande reçue par courrier le 1er décembre.';
    const response = await t.app.inject({ method: 'DELETE', url, headers: adminHeaders, payload: { note } });
    expect(response.statusCode, response.body).toBe(202);
    const { eraseAfter } = response.json<{ eraseAfter: string }>();
    expect(Date.parse(eraseAfter) - Date.now()).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(await sessionCount(scene.person.id)).toBe(0);
    expect(await auditAbout(scene.person.id)).toEqual([
      expect.objectContaining({
        action: 'account.erasure_scheduled',
        actorId: scene.admin.id,
        networkIds: [scene.network.id],
        note,
      }),
    ]);
  });

  it('refuse too while the person is the last manager of a structure with loans under way', async () => {
    const scene = await privacyScene(t.app, db());
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${scene.person.id}`,
      headers: await signIn(t.app, scene.admin.email),
      payload: { note: 'Demande reçue par courriel.' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'last_manager_with_open_loans' });
  });

  it('do not reach someone outside their networks', async () => {
    const scene = await privacyScene(t.app, db());
    const stranger = await makeUser(db());
    await addMember(db(), stranger.id, (await privacyScene(t.app, db())).lenderStructure.id);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/admin/users/${stranger.id}/export`,
      headers: await signIn(t.app, scene.admin.email),
    });
    expect(response.statusCode, response.body).toBe(404);
  });
});
