import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { events } from '../db/schema/events.ts';
import { networkRoles } from '../db/schema/memberships.ts';
import { makeNetwork, makeNetworkAdmin, makeUser, signIn } from '../../test/factories.ts';
import { signedInModerator } from '../../test/inbox-factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function networkWithAdmin() {
  const network = await makeNetwork(db());
  const admin = await makeNetworkAdmin(db(), network.id);
  return { network, admin, headers: await signIn(t.app, admin.email) };
}

function call(
  headers: Record<string, string>,
  method: 'GET' | 'PATCH' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({ method, url: `/api/admin/networks${url}`, headers, ...(payload ? { payload } : {}) });
}

const auditOf = (networkId: string) =>
  db()
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.targetType, 'network'), eq(auditEntries.targetId, networkId)))
    .orderBy(asc(auditEntries.id));

describe('a network’s settings', () => {
  it('shows the settings and staff, changes them with the before and after in the audit log', async () => {
    const { network, admin, headers } = await networkWithAdmin();
    const shown = await call(headers, 'GET', `/${network.id}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({
      id: network.id,
      name: network.name,
      slug: network.slug,
      listingReview: 'none',
      overdueDaysBeforeInbox: 3,
      staff: [{ userId: admin.id, name: admin.name, email: admin.email, role: 'admin' }],
    });
    const listed = await call(headers, 'GET', '');
    expect(listed.json().networks.map((n: { id: string }) => n.id)).toEqual([network.id]);

    const patched = await call(headers, 'PATCH', `/${network.id}`, {
      listingReview: 'first',
      overdueDaysBeforeInbox: 3,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ listingReview: 'first', overdueDaysBeforeInbox: 3 });
    expect(await auditOf(network.id)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'network.settings_changed',
        networkIds: [network.id],
        before: { listingReview: 'none' },
        after: { listingReview: 'first' },
      }),
    ]);
    // Nothing changed: nothing recorded.
    await call(headers, 'PATCH', `/${network.id}`, { listingReview: 'first' });
    expect(await auditOf(network.id)).toHaveLength(1);

    for (const payload of [
      {},
      { overdueDaysBeforeInbox: -1 },
      { overdueDaysBeforeInbox: 366 },
      { listingReview: 'sometimes' },
    ]) {
      const refused = await call(headers, 'PATCH', `/${network.id}`, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await auditOf(network.id)).toHaveLength(1);
  });

  it('is for the network’s admins: another network’s admin and a moderator get a 403', async () => {
    const { network } = await networkWithAdmin();
    const foreign = await networkWithAdmin();
    const moderator = await signedInModerator(t.app, db(), network.id);
    for (const headers of [foreign.headers, moderator.headers]) {
      expect((await call(headers, 'GET', `/${network.id}`)).statusCode).toBe(403);
      expect((await call(headers, 'PATCH', `/${network.id}`, { overdueDaysBeforeInbox: 9 })).statusCode).toBe(403);
      const email = (await makeUser(db())).email;
      expect((await call(headers, 'POST', `/${network.id}/moderators`, { email })).statusCode).toBe(403);
      expect((await call(headers, 'DELETE', `/${network.id}/moderators/${moderator.user.id}`)).statusCode).toBe(403);
    }
    expect((await call(foreign.headers, 'GET', '')).json().networks.map((n: { id: string }) => n.id)).toEqual([
      foreign.network.id,
    ]);
    expect(await auditOf(network.id)).toEqual([]);
  });
});

describe('a network’s moderators', () => {
  it('adds a person by their account’s email and removes them, audited, the person told', async () => {
    const { network, admin, headers } = await networkWithAdmin();
    const person = await makeUser(db(), { name: 'Zoé Modère' });
    const added = await call(headers, 'POST', `/${network.id}/moderators`, {
      email: ` ${person.email.toUpperCase()} `,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().staff).toEqual([
      { userId: admin.id, name: admin.name, email: admin.email, role: 'admin' },
      { userId: person.id, name: 'Zoé Modère', email: person.email, role: 'moderator' },
    ]);
    // The new moderator reads the network's inbox.
    const inbox = await t.app.inject({
      method: 'GET',
      url: `/api/admin/inbox?networkId=${network.id}`,
      headers: await signIn(t.app, person.email),
    });
    expect(inbox.statusCode).toBe(200);

    const twice = await call(headers, 'POST', `/${network.id}/moderators`, { email: person.email });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'network_role_conflict' });
    const anAdmin = await call(headers, 'POST', `/${network.id}/moderators`, { email: admin.email });
    expect(anAdmin.statusCode).toBe(409);
    const nobody = await call(headers, 'POST', `/${network.id}/moderators`, { email: 'personne@inconnue.test' });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().message).toMatch(/créer son compte/);

    const removed = await call(headers, 'DELETE', `/${network.id}/moderators/${person.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().staff.map((member: { userId: string }) => member.userId)).toEqual([admin.id]);
    expect((await call(headers, 'DELETE', `/${network.id}/moderators/${person.id}`)).statusCode).toBe(404);
    const notAnAdmin = await call(headers, 'DELETE', `/${network.id}/moderators/${admin.id}`);
    expect(notAnAdmin.statusCode).toBe(409);
    expect(notAnAdmin.json()).toMatchObject({ error: 'network_role_conflict' });
    expect(
      await db()
        .select()
        .from(networkRoles)
        .where(and(eq(networkRoles.networkId, network.id), inArray(networkRoles.userId, [person.id, admin.id]))),
    ).toEqual([expect.objectContaining({ userId: admin.id, role: 'admin' })]);

    const audit = await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.targetId, `${network.id}:${person.id}`))
      .orderBy(asc(auditEntries.id));
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'network_role.granted',
        targetType: 'network_role',
        networkIds: [network.id],
        after: { role: 'moderator' },
      }),
      expect.objectContaining({
        action: 'network_role.revoked',
        before: { role: 'moderator' },
        after: { role: null },
      }),
    ]);
    const told = await db()
      .select({ type: events.type, params: events.params })
      .from(events)
      .where(eq(events.userId, person.id))
      .orderBy(asc(events.id));
    expect(told).toEqual([
      { type: 'network_role.changed', params: { networkId: network.id, role: 'moderator' } },
      { type: 'network_role.changed', params: { networkId: network.id, role: null } },
    ]);
  });
});

it('answers 404 for a network that does not exist', async () => {
  const { headers } = await networkWithAdmin();
  const missing = '00000000-0000-4000-8000-000000000000';
  expect((await call(headers, 'GET', `/${missing}`)).statusCode).toBe(404);
});
