import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { charterReadings, networkCharters } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import { makeCharter } from '../../test/charters-factories.ts';
import {
  makeNetwork,
  makeNetworkAdmin,
  signIn,
  signedInMember,
  signedInStructure,
  uniqueSuffix,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

function registerStructure(networks: unknown, overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  const body = {
    email: `charte-${suffix}@test.mutua.fr`,
    password: 'un-mot-de-passe-solide',
    name: 'Camille Charte',
    organisation: { name: `Asso ${suffix}`, kind: 'association', city: 'Lille', postcode: '59000' },
    ...(networks === undefined ? {} : { networks }),
    ...overrides,
  };
  return { body, response: t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body }) };
}

async function membershipsOf(organisationName: string) {
  return db()
    .select({
      networkId: organisationNetworks.networkId,
      charterVersion: organisationNetworks.charterVersion,
      charterAcceptedAt: organisationNetworks.charterAcceptedAt,
      charterAcceptedBy: organisationNetworks.charterAcceptedBy,
    })
    .from(organisationNetworks)
    .innerJoin(organisations, eq(organisations.id, organisationNetworks.organisationId))
    .where(eq(organisations.name, organisationName));
}

async function publish(headers: Record<string, string>, networkId: string, body: string) {
  return t.app.inject({ method: 'POST', url: `/api/admin/networks/${networkId}/charters`, headers, payload: { body } });
}

async function unread(headers: Record<string, string>) {
  const response = await t.app.inject({ method: 'GET', url: '/api/me/charters', headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ charters: Array<{ networkId: string; version: number; body: string; networkName: string }> }>()
    .charters;
}

describe('GET /api/networks/:id/charter and GET /api/charters', () => {
  it('shows the current version to anyone, and 404 while a network has none', async () => {
    const network = await makeNetwork(db());
    const bare = await makeNetwork(db());
    await makeCharter(db(), network.id, 1, 'Première.');
    await makeCharter(db(), network.id, 2, 'Deuxième.');

    const response = await t.app.inject({ method: 'GET', url: `/api/networks/${network.id}/charter` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      networkId: network.id,
      version: 2,
      body: 'Deuxième.',
      publishedAt: expect.any(String),
    });
    const none = await t.app.inject({ method: 'GET', url: `/api/networks/${bare.id}/charter` });
    expect(none.statusCode).toBe(404);

    const list = await t.app.inject({ method: 'GET', url: '/api/charters' });
    const networks = list.json<{ networks: Array<{ id: string; charter: { version: number } | null }> }>().networks;
    expect(networks.find((n) => n.id === network.id)?.charter?.version).toBe(2);
    expect(networks.find((n) => n.id === bare.id)?.charter).toBeNull();
  });
});

describe('sign-up with the networks’ charters', () => {
  it('joins every chosen network and records the accepted version, the date and who accepted it', async () => {
    const first = await makeNetwork(db());
    const second = await makeNetwork(db());
    await makeCharter(db(), first.id, 1);
    await makeCharter(db(), first.id, 2);
    await makeCharter(db(), second.id, 1);
    const before = Date.now();

    const { body, response } = registerStructure([
      { networkId: first.id, charterVersion: 2 },
      { networkId: second.id, charterVersion: 1 },
    ]);
    expect((await response).statusCode, (await response).body).toBe(202);

    const [person] = await db().select({ id: users.id }).from(users).where(eq(users.email, body.email));
    const rows = await membershipsOf(body.organisation.name);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.networkId === first.id)).toMatchObject({
      charterVersion: 2,
      charterAcceptedBy: person!.id,
    });
    expect(rows.find((row) => row.networkId === second.id)).toMatchObject({
      charterVersion: 1,
      charterAcceptedBy: person!.id,
    });
    for (const row of rows) expect(row.charterAcceptedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // Having accepted it, the manager has read it: no « la charte a changé » at their first visit.
    const readings = await db().select().from(charterReadings).where(eq(charterReadings.userId, person!.id));
    expect(readings.map((r) => r.version).sort()).toEqual([1, 2]);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const network = await makeNetwork(db());
    await makeCharter(db(), network.id, 1);
    await makeCharter(db(), network.id, 2);

    const { body, response } = registerStructure([{ networkId: network.id, charterVersion: 1 }]);
    const answer = await response;
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({
      error: 'charter_version_mismatch',
      details: [{ path: 'networks.0.charterVersion', code: 'current' }],
    });
    expect(await db().select().from(users).where(eq(users.email, body.email))).toEqual([]);
    expect(await db().select().from(organisations).where(eq(organisations.name, body.organisation.name))).toEqual([]);
  });

  it('requires the acceptance of a network that has a charter, the older way of naming it included', async () => {
    const network = await makeNetwork(db());
    await makeCharter(db(), network.id, 1);

    const missing = await registerStructure([{ networkId: network.id }]).response;
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ path: 'networks.0.charterVersion' })]);

    const suffix = uniqueSuffix();
    const older = await registerStructure(undefined, {
      organisation: {
        name: `Asso ${suffix}`,
        kind: 'association',
        city: 'Lille',
        postcode: '59000',
        networkId: network.id,
      },
    }).response;
    expect(older.statusCode).toBe(400);
    expect(older.json().details).toEqual([expect.objectContaining({ path: 'networks', code: 'required' })]);
  });

  it('does not let a person joining an existing structure accept anything (the structure did)', async () => {
    const network = await makeNetwork(db());
    await makeCharter(db(), network.id, 1);
    const { organisation } = await signedInStructure(t.app, db(), { networkId: network.id });
    const response = await registerStructure([{ networkId: network.id, charterVersion: 1 }], {
      organisation: undefined,
      joinOrganisationId: organisation.id,
    }).response;
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([expect.objectContaining({ path: 'networks' })]);
  });
});

describe('a new version, shown at the next visit', () => {
  it('reaches the members of that network’s structures only, and reading it clears it', async () => {
    const network = await makeNetwork(db());
    const otherNetwork = await makeNetwork(db());
    await makeCharter(db(), network.id, 1);
    await makeCharter(db(), otherNetwork.id, 1);
    const admin = await makeNetworkAdmin(db(), network.id);
    const adminHeaders = await signIn(t.app, admin.email);
    const structure = await signedInStructure(t.app, db(), { networkId: network.id });
    const member = await signedInMember(t.app, db(), structure.organisation.id);
    const foreign = await signedInStructure(t.app, db(), { networkId: otherNetwork.id });
    for (const person of [structure.manager, member.user, foreign.manager]) {
      await db().insert(charterReadings).values({ userId: person.id, networkId: network.id, version: 1 });
      await db().insert(charterReadings).values({ userId: person.id, networkId: otherNetwork.id, version: 1 });
    }
    expect(await unread(member.headers)).toEqual([]);

    const published = await publish(adminHeaders, network.id, 'Nos principes, revus.\n\nDeuxième paragraphe.');
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: 2, body: 'Nos principes, revus.\n\nDeuxième paragraphe.' });

    expect(await unread(member.headers)).toEqual([
      expect.objectContaining({ networkId: network.id, version: 2, networkName: network.name }),
    ]);
    expect(await unread(structure.headers)).toHaveLength(1);
    expect(await unread(foreign.headers)).toEqual([]);

    // A member's reading is theirs only: the structure still stands on version 1.
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/me/charters/${network.id}/read`,
      headers: member.headers,
      payload: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/me/charters/${network.id}/read`,
      headers: member.headers,
      payload: { version: 2 },
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ networkId: network.id, version: 2, acceptedFor: [] });
    expect(await unread(member.headers)).toEqual([]);
    expect(await unread(structure.headers)).toHaveLength(1);

    // The manager's reading accepts the new version for the structure.
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/me/charters/${network.id}/read`,
      headers: structure.headers,
      payload: { version: 2 },
    });
    expect(accepted.json()).toEqual({ networkId: network.id, version: 2, acceptedFor: [structure.organisation.id] });
    const [row] = await db()
      .select()
      .from(organisationNetworks)
      .where(
        and(
          eq(organisationNetworks.organisationId, structure.organisation.id),
          eq(organisationNetworks.networkId, network.id),
        ),
      );
    expect(row).toMatchObject({ charterVersion: 2, charterAcceptedBy: structure.manager.id });
    expect(await unread(structure.headers)).toEqual([]);
  });

  it('keeps every version, audits each publication, and lets only that network’s admins publish', async () => {
    const network = await makeNetwork(db());
    const otherNetwork = await makeNetwork(db());
    const admin = await makeNetworkAdmin(db(), network.id);
    const foreignAdmin = await makeNetworkAdmin(db(), otherNetwork.id);
    const adminHeaders = await signIn(t.app, admin.email);

    expect((await publish(adminHeaders, network.id, '  Version un, telle que tapée.  ')).json()).toMatchObject({
      version: 1,
      body: '  Version un, telle que tapée.  ',
    });
    expect((await publish(adminHeaders, network.id, 'Version deux.')).json()).toMatchObject({ version: 2 });
    expect((await publish(adminHeaders, network.id, '   ')).statusCode).toBe(400);

    const foreignHeaders = await signIn(t.app, foreignAdmin.email);
    expect((await publish(foreignHeaders, network.id, 'Pirate.')).statusCode).toBe(403);
    const foreignList = await t.app.inject({
      method: 'GET',
      url: `/api/admin/networks/${network.id}/charters`,
      headers: foreignHeaders,
    });
    expect(foreignList.statusCode).toBe(403);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/admin/networks/${network.id}/charters`,
      headers: adminHeaders,
    });
    expect(list.json().versions).toEqual([
      expect.objectContaining({ version: 2, body: 'Version deux.', publishedBy: { id: admin.id, name: admin.name } }),
      expect.objectContaining({ version: 1, body: '  Version un, telle que tapée.  ' }),
    ]);
    expect(await db().select().from(networkCharters).where(eq(networkCharters.networkId, network.id))).toHaveLength(2);

    const audit = await db()
      .select({ action: auditEntries.action, before: auditEntries.before, after: auditEntries.after })
      .from(auditEntries)
      .where(and(eq(auditEntries.targetType, 'network'), eq(auditEntries.targetId, network.id)))
      .orderBy(auditEntries.id);
    expect(audit).toEqual([
      { action: 'charter.published', before: null, after: { version: 1 } },
      { action: 'charter.published', before: { version: 1 }, after: { version: 2 } },
    ]);
  });
});
