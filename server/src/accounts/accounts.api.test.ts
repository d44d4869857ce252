import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import {
  makeNetwork,
  makeNetworkAdmin,
  makeStructureWithManager,
  signIn,
  testPassword,
  uniqueSuffix,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

function newStructureBody(overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return {
    email: `nouvelle-${suffix}@test.mutua.fr`,
    password: 'un-mot-de-passe-solide',
    name: 'Alice Nouvelle',
    organisation: { name: `Asso ${suffix}`, kind: 'association', city: 'amiens', postcode: '80000' },
    ...overrides,
  };
}

async function countUsers(email: string) {
  const rows = await t.connection.db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  return rows.length;
}

describe('POST /api/auth/register', () => {
  it('creates the person and a pending structure they manage, and signs them in', async () => {
    const body = newStructureBody();
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
    expect(response.statusCode).toBe(201);
    const session = response.json();
    expect(session.user).toMatchObject({ email: body.email, name: 'Alice Nouvelle' });
    expect(session.memberships).toEqual([
      expect.objectContaining({
        role: 'manager',
        status: 'active',
        canTrade: false,
        organisation: expect.objectContaining({ name: body.organisation.name, status: 'pending', city: 'Amiens' }),
      }),
    ]);
    const cookie = response.cookies.find((c) => c.name === 'mutua_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { mutua_session: cookie!.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(body.email);
  });

  it('locates the new structure in its département', async () => {
    const body = newStructureBody();
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
    const organisationId = response.json().memberships[0].organisation.id;
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/organisations/${organisationId}`,
      headers: { authorization: `Bearer ${response.json().token}` },
    });
    expect(detail.json()).toMatchObject({ territoryCode: '80', status: 'pending', latitude: expect.any(Number) });
  });

  it('asks to join an existing structure with a pending membership', async () => {
    const { organisation } = await makeStructureWithManager(t.connection.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: `rejoint-${uniqueSuffix()}@test.mutua.fr`,
        password: 'un-mot-de-passe-solide',
        name: 'Bob',
        joinOrganisationId: organisation.id,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().memberships).toEqual([
      expect.objectContaining({
        role: 'member',
        status: 'pending',
        canTrade: false,
        organisation: expect.objectContaining({ id: organisation.id }),
      }),
    ]);
  });

  it('refuses an email already used, whatever its case, and writes nothing', async () => {
    const first = newStructureBody();
    await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: first });
    const second = newStructureBody({ email: first.email.toUpperCase() });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: second });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'email_taken', message: expect.stringContaining('existe déjà') });
    const leftovers = await t.connection.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, second.organisation.name));
    expect(leftovers).toHaveLength(0);
  });

  it('refuses a structure that already exists at that postcode, and creates no account', async () => {
    const { organisation } = await makeStructureWithManager(t.connection.db, { postcode: '62300', city: 'Lens' });
    const body = newStructureBody({
      organisation: { name: organisation.name.toUpperCase(), kind: 'cooperative', city: 'Lens', postcode: '62300' },
    });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('organisation_exists');
    expect(await countUsers(body.email)).toBe(0);
  });

  it('refuses an unknown network, and creates no account', async () => {
    const body = newStructureBody();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...body, organisation: { ...body.organisation, networkId: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe('organisation.networkId');
    expect(await countUsers(body.email)).toBe(0);
  });

  it('joins the network it names', async () => {
    const network = await makeNetwork(t.connection.db);
    const body = newStructureBody();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...body, organisation: { ...body.organisation, networkId: network.id } },
    });
    const organisationId = response.json().memberships[0].organisation.id;
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/organisations/${organisationId}`,
      headers: { authorization: `Bearer ${response.json().token}` },
    });
    expect(detail.json().networks).toEqual([expect.objectContaining({ id: network.id })]);
  });

  it.each([
    ['a password shorter than 10 characters', { password: 'court' }, 'password', 'minLength'],
    ['an unknown field', { admin: true }, 'admin', 'additionalProperties'],
    ['a wrong type', { name: 42 }, 'name', 'type'],
    ['a malformed email', { email: 'pas-un-email' }, 'email', 'format'],
    [
      'a bad postcode',
      { organisation: { name: 'X asso', kind: 'association', city: 'Lille', postcode: '5900' } },
      'organisation.postcode',
      'pattern',
    ],
    [
      'an unknown kind',
      { organisation: { name: 'X asso', kind: 'club', city: 'Lille', postcode: '59000' } },
      'organisation.kind',
      'enum',
    ],
    ['a missing field', { name: undefined }, 'name', 'required'],
  ])('refuses %s with a 400 naming the field', async (_case, overrides, field, rule) => {
    const body = newStructureBody(overrides);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
    expect(response.statusCode).toBe(400);
    const error = response.json();
    expect(error.error).toBe('validation_failed');
    expect(error.message).toContain(`« ${field} »`);
    expect(error.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await countUsers(String(body.email))).toBe(0);
  });

  it('asks for exactly one of a new structure or a structure to join', async () => {
    const { organisation, ...neither } = newStructureBody();
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: neither });
    expect(none.statusCode).toBe(400);
    const both = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...neither, organisation, joinOrganisationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toBe('validation_failed');
  });

  it('takes simultaneous sign-ups, each in its own transaction, and refuses a double-click of the same one', async () => {
    const bodies = Array.from({ length: 8 }, () => newStructureBody());
    const responses = await Promise.all(
      [...bodies, bodies[0]!].map((payload) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 409]);
    for (const body of bodies) expect(await countUsers(body.email)).toBe(1);
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.fr",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_json', message: expect.any(String) });
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the email in any case, by cookie or bearer token', async () => {
    const { manager } = await makeStructureWithManager(t.connection.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: manager.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const daysLeft = (Date.parse(response.json().expiresAt) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(29.9);
    expect(daysLeft).toBeLessThanOrEqual(30);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${response.json().token}` },
    });
    expect(me.json().memberships[0]).toMatchObject({ role: 'manager', canTrade: true });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const { manager } = await makeStructureWithManager(t.connection.db);
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: manager.email, password: 'pas-le-bon-mot-de-passe' },
    });
    const unknownEmail = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `inconnu-${uniqueSuffix()}@test.mutua.fr`, password: testPassword },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json().error).toBe('invalid_credentials');
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the same token no longer works', async () => {
    const { manager } = await makeStructureWithManager(t.connection.db);
    const headers = await signIn(t.app, manager.email);
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'mutua_session')?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().error).toBe('unauthenticated');
  });
});

describe('GET /api/me', () => {
  it('answers 401 to anonymous and forged tokens', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('lists the network roles of an admin', async () => {
    const network = await makeNetwork(t.connection.db);
    const admin = await makeNetworkAdmin(t.connection.db, network.id);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: await signIn(t.app, admin.email) });
    expect(me.json()).toMatchObject({
      memberships: [],
      networkRoles: [{ role: 'admin', network: { id: network.id } }],
    });
  });
});
