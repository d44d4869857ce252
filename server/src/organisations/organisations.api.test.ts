import { describe, expect, it } from 'vitest';
import {
  addMember,
  makeNetwork,
  makeNetworkAdmin,
  makeOrganisation,
  makeStructureWithManager,
  makeUser,
  signIn,
  uniqueSuffix,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

describe('GET /api/organisations', () => {
  it('lists approved structures only, and finds them without accents or case', async () => {
    const network = await makeNetwork(db());
    const tag = uniqueSuffix();
    await makeOrganisation(db(), {
      networkId: network.id,
      name: `Jardins Partagés de Béthune ${tag}`,
      city: 'Béthune',
      postcode: '62400',
    });
    await makeOrganisation(db(), { networkId: network.id, name: `Jardins en attente ${tag}`, status: 'pending' });
    await makeOrganisation(db(), { networkId: network.id, name: `Jardins refusés ${tag}`, status: 'rejected' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/organisations?q=JARDINS%20PARTAGES%20de%20bethune%20${tag}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().organisations.map((o: { name: string }) => o.name)).toEqual([
      `Jardins Partagés de Béthune ${tag}`,
    ]);
    const byNetwork = await t.app.inject({ method: 'GET', url: `/api/organisations?network=${network.id}` });
    expect(byNetwork.json().organisations).toHaveLength(1);
  });

  it('pages with a cursor, without repeating or skipping a structure', async () => {
    const network = await makeNetwork(db());
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((n) => `${n} ${uniqueSuffix()}`);
    for (const name of names) await makeOrganisation(db(), { networkId: network.id, name });
    const seen: string[] = [];
    let url = `/api/organisations?network=${network.id}&limit=2`;
    for (let page = 0; page < 5; page++) {
      const body = (await t.app.inject({ method: 'GET', url })).json();
      seen.push(...body.organisations.map((o: { name: string }) => o.name));
      if (!body.nextCursor) break;
      url = `/api/organisations?network=${network.id}&limit=2&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual([...names].sort());
  });

  it('filters by département and refuses bad filters with a 400', async () => {
    const network = await makeNetwork(db());
    await makeOrganisation(db(), { networkId: network.id, city: 'Amiens', postcode: '80000' });
    await makeOrganisation(db(), { networkId: network.id, city: 'Lille', postcode: '59000' });
    const somme = (
      await t.app.inject({ method: 'GET', url: `/api/organisations?network=${network.id}&territory=80` })
    ).json();
    expect(somme.organisations.map((o: { territoryCode: string }) => o.territoryCode)).toEqual(['80']);
    for (const query of ['territory=Nord', 'limit=0', 'limit=abc', 'cursor=not-a-cursor', 'unknown=1', 'kind=club']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/organisations?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toBe('validation_failed');
    }
  });
});

describe('GET /api/organisations/:id', () => {
  it('shows contact details to the approved structures of its networks only, not to anyone who registers', async () => {
    const { organisation, manager, networkId } = await makeStructureWithManager(db());
    const headers = await signIn(t.app, manager.email);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      headers,
      payload: { phone: '03 20 00 00 00', contactEmail: 'contact@ressourcerie.test', address: '3 rue des Tonnelles' },
    });
    const read = async (headers?: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url: `/api/organisations/${organisation.id}`, headers })).json();
    const anonymous = await read();
    expect(anonymous).not.toHaveProperty('phone');
    expect(anonymous.viewer).toEqual({ role: null, membershipStatus: null, canEdit: false, seesContacts: false });

    const stranger = await makeUser(db());
    const registered = await makeStructureWithManager(db(), { networkId, status: 'pending' });
    const elsewhere = await makeStructureWithManager(db());
    for (const email of [stranger.email, registered.manager.email, elsewhere.manager.email]) {
      const seen = await read(await signIn(t.app, email));
      expect(seen, email).not.toHaveProperty('phone');
      expect(seen).not.toHaveProperty('contactEmail');
      expect(seen).not.toHaveProperty('address');
      expect(seen.viewer.seesContacts).toBe(false);
    }
    const neighbour = await makeStructureWithManager(db(), { networkId });
    expect(await read(await signIn(t.app, neighbour.manager.email))).toMatchObject({
      viewer: { seesContacts: true },
      phone: '03 20 00 00 00',
      contactEmail: 'contact@ressourcerie.test',
      address: '3 rue des Tonnelles',
    });
    const admin = await makeNetworkAdmin(db(), networkId);
    expect((await read(await signIn(t.app, admin.email))).phone).toBe('03 20 00 00 00');
  });

  it('tells why a structure was refused to its managers and its admins, not to its plain members', async () => {
    const { organisation, manager, networkId } = await makeStructureWithManager(db(), { status: 'pending' });
    const admin = await makeNetworkAdmin(db(), networkId);
    const adminHeaders = await signIn(t.app, admin.email);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/reject`,
      headers: adminHeaders,
      payload: { reason: 'Hors du territoire' },
    });
    expect(refused.statusCode).toBe(200);
    const member = await makeUser(db());
    await addMember(db(), member.id, organisation.id, 'member');
    const read = async (email: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/organisations/${organisation.id}`,
          headers: await signIn(t.app, email),
        })
      ).json();
    expect((await read(manager.email)).rejectionReason).toBe('Hors du territoire');
    expect((await read(admin.email)).rejectionReason).toBe('Hors du territoire');
    expect(await read(member.email)).not.toHaveProperty('rejectionReason');
  });

  it('hides a pending structure from everyone but its people and its network admins', async () => {
    const { organisation, manager, networkId } = await makeStructureWithManager(db(), { status: 'pending' });
    const url = `/api/organisations/${organisation.id}`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const stranger = await makeUser(db());
    expect((await t.app.inject({ method: 'GET', url, headers: await signIn(t.app, stranger.email) })).statusCode).toBe(
      404,
    );
    const own = await t.app.inject({ method: 'GET', url, headers: await signIn(t.app, manager.email) });
    expect(own.json()).toMatchObject({ status: 'pending', viewer: { role: 'manager', canEdit: true } });
    const admin = await makeNetworkAdmin(db(), networkId);
    expect((await t.app.inject({ method: 'GET', url, headers: await signIn(t.app, admin.email) })).statusCode).toBe(
      200,
    );
    const otherAdmin = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    expect(
      (await t.app.inject({ method: 'GET', url, headers: await signIn(t.app, otherAdmin.email) })).statusCode,
    ).toBe(404);
  });

  it('answers 400 to an id that is not a uuid and 404 to an unknown one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations/42' })).statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/organisations/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('not_found');
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('lets a manager edit the structure and relocates it with its postcode', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      headers: await signIn(t.app, manager.email),
      payload: { description: 'Fêtes de quartier', city: 'amiens', postcode: '80000', website: 'https://exemple.fr' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      description: 'Fêtes de quartier',
      city: 'Amiens',
      territoryCode: '80',
      website: 'https://exemple.fr',
    });
  });

  it('lets a manager of a pending structure fix its details', async () => {
    const { organisation, manager } = await makeStructureWithManager(db(), { status: 'pending' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      headers: await signIn(t.app, manager.email),
      payload: { description: 'Nouvelle description' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a plain member and another structure (403: they see it), and anonymous callers (401)', async () => {
    const { organisation } = await makeStructureWithManager(db());
    const member = await makeUser(db());
    await addMember(db(), member.id, organisation.id, 'member');
    const url = `/api/organisations/${organisation.id}`;
    const payload = { description: 'Piraté' };
    const asMember = await t.app.inject({ method: 'PATCH', url, payload, headers: await signIn(t.app, member.email) });
    expect(asMember.statusCode).toBe(403);
    const other = await makeStructureWithManager(db());
    const asOther = await t.app.inject({
      method: 'PATCH',
      url,
      payload,
      headers: await signIn(t.app, other.manager.email),
    });
    expect(asOther.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url, payload })).statusCode).toBe(401);
    const unchanged = (await t.app.inject({ method: 'GET', url })).json();
    expect(unchanged.description).toBe('');
  });

  it('refuses unknown fields, status changes, bad values and an empty patch', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const headers = await signIn(t.app, manager.email);
    const url = `/api/organisations/${organisation.id}`;
    for (const payload of [{ status: 'active' }, { postcode: 'ABCDE' }, { website: 'ftp://x' }, { name: '' }, {}]) {
      const response = await t.app.inject({ method: 'PATCH', url, headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const still = (await t.app.inject({ method: 'GET', url, headers })).json();
    expect(still.status).toBe('active');
  });

  it('refuses a name already taken at the same postcode with a 409', async () => {
    const network = await makeNetwork(db());
    const taken = await makeOrganisation(db(), { networkId: network.id });
    const { organisation, manager } = await makeStructureWithManager(db(), { networkId: network.id });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}`,
      headers: await signIn(t.app, manager.email),
      payload: { name: taken.name },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('organisation_exists');
  });
});

describe('members of a structure', () => {
  it('lets a manager accept a request to join; the newcomer then acts for the structure', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const newcomer = await makeUser(db());
    await addMember(db(), newcomer.id, organisation.id, 'member', 'pending');
    const managerHeaders = await signIn(t.app, manager.email);
    const listed = (
      await t.app.inject({
        method: 'GET',
        url: `/api/organisations/${organisation.id}/members`,
        headers: managerHeaders,
      })
    ).json();
    expect(listed.members).toContainEqual(
      expect.objectContaining({ user: expect.objectContaining({ id: newcomer.id }), status: 'pending' }),
    );

    const newcomerHeaders = await signIn(t.app, newcomer.email);
    const before = (await t.app.inject({ method: 'GET', url: '/api/me', headers: newcomerHeaders })).json();
    expect(before.memberships[0]).toMatchObject({ status: 'pending', canTrade: false });

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/members/${newcomer.id}/accept`,
      headers: managerHeaders,
    });
    expect(accepted.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/me', headers: newcomerHeaders })).json();
    expect(after.memberships[0]).toMatchObject({ status: 'active', canTrade: true });

    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/members/${newcomer.id}/accept`,
      headers: managerHeaders,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('hides join requests from plain members and refuses them the manager actions', async () => {
    const { organisation } = await makeStructureWithManager(db());
    const member = await makeUser(db());
    const requester = await makeUser(db());
    await addMember(db(), member.id, organisation.id, 'member');
    await addMember(db(), requester.id, organisation.id, 'member', 'pending');
    const headers = await signIn(t.app, member.email);
    const listed = (
      await t.app.inject({ method: 'GET', url: `/api/organisations/${organisation.id}/members`, headers })
    ).json();
    expect(listed.members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(requester.id);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/members/${requester.id}/accept`,
      headers,
    });
    expect(accept.statusCode).toBe(403);
  });

  it('keeps at least one manager', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const headers = await signIn(t.app, manager.email);
    const leave = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${organisation.id}/members/${manager.id}`,
      headers,
    });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error).toBe('last_manager');
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}/members/${manager.id}`,
      headers,
      payload: { role: 'member' },
    });
    expect(demote.statusCode).toBe(409);

    const colleague = await makeUser(db());
    await addMember(db(), colleague.id, organisation.id, 'member');
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${organisation.id}/members/${colleague.id}`,
      headers,
      payload: { role: 'manager' },
    });
    expect(promote.statusCode).toBe(200);
    const leaveNow = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${organisation.id}/members/${manager.id}`,
      headers,
    });
    expect(leaveNow.statusCode).toBe(204);
  });

  it("never lists another structure's team", async () => {
    const { organisation } = await makeStructureWithManager(db());
    const other = await makeStructureWithManager(db());
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/organisations/${organisation.id}/members`,
      headers: await signIn(t.app, other.manager.email),
    });
    expect(response.statusCode).toBe(403);
    expect(JSON.stringify(response.json())).not.toContain(organisation.id);
  });
});
