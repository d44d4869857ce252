import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '../db/schema/events.ts';
import { memberships } from '../db/schema/memberships.ts';
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

const checkYourEmails = {
  sent: true,
  message: expect.stringMatching(/^Vérifiez vos e-mails/),
};

function register(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
}

/** After sign-up the person signs in, as the app's « Vérifiez vos e-mails » page says. */
async function signedInAs(body: { email: string; password: string }) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: body.email, password: body.password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { session: response.json(), headers: { authorization: `Bearer ${response.json().token}` } };
}

describe('POST /api/auth/register', () => {
  it('creates the person and a pending structure they manage, and asks them to check their emails (no session)', async () => {
    const body = newStructureBody();
    const response = await register(body);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual(checkYourEmails);
    expect(response.cookies.find((c) => c.name === 'mutua_session')).toBeUndefined();

    const { session } = await signedInAs(body);
    expect(session.user).toMatchObject({ email: body.email, name: 'Alice Nouvelle', emailVerified: false });
    expect(session.memberships).toEqual([
      expect.objectContaining({
        role: 'manager',
        status: 'active',
        canTrade: false,
        organisation: expect.objectContaining({ name: body.organisation.name, status: 'pending', city: 'Amiens' }),
      }),
    ]);
  });

  it('locates the new structure in its département', async () => {
    const body = newStructureBody();
    await register(body);
    const { session, headers } = await signedInAs(body);
    const organisationId = session.memberships[0].organisation.id;
    const detail = await t.app.inject({ method: 'GET', url: `/api/organisations/${organisationId}`, headers });
    expect(detail.json()).toMatchObject({ territoryCode: '80', status: 'pending', latitude: expect.any(Number) });
  });

  it('asks to join an existing structure with a pending membership', async () => {
    const { organisation } = await makeStructureWithManager(t.connection.db);
    const body = {
      email: `rejoint-${uniqueSuffix()}@test.mutua.fr`,
      password: 'un-mot-de-passe-solide',
      name: 'Bob',
      joinOrganisationId: organisation.id,
    };
    const response = await register(body);
    expect(response.statusCode).toBe(202);
    const { session } = await signedInAs(body);
    expect(session.memberships).toEqual([
      expect.objectContaining({
        role: 'member',
        status: 'pending',
        canTrade: false,
        organisation: expect.objectContaining({ id: organisation.id }),
      }),
    ]);
  });

  it('answers a taken address, whatever its case, exactly as a free one, and writes nothing', async () => {
    const first = newStructureBody();
    await register(first);
    const second = newStructureBody({ email: first.email.toUpperCase(), password: 'un-autre-mot-de-passe' });
    const taken = await register(second);
    const free = await register(newStructureBody());
    expect(taken.statusCode).toBe(free.statusCode);
    expect(taken.json()).toEqual(free.json());
    expect(taken.headers['set-cookie']).toBeUndefined();

    expect(await countUsers(first.email)).toBe(1);
    const leftovers = await t.connection.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, second.organisation.name));
    expect(leftovers).toHaveLength(0);
    // The account keeps its own password.
    await signedInAs(first);
    const intruder = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: first.email, password: second.password },
    });
    expect(intruder.statusCode).toBe(401);
  });

  it('asks nothing of a structure’s managers when a taken address asks to join it', async () => {
    const { organisation, manager } = await makeStructureWithManager(t.connection.db);
    const response = await register({
      email: manager.email,
      password: 'un-mot-de-passe-solide',
      name: 'Quelqu’un',
      joinOrganisationId: organisation.id,
    });
    expect(response.statusCode).toBe(202);
    const members = await t.connection.db
      .select({ status: memberships.status })
      .from(memberships)
      .where(eq(memberships.organisationId, organisation.id));
    expect(members).toEqual([{ status: 'active' }]);
    const asked = await t.connection.db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.type, 'membership.requested'), eq(events.organisationId, organisation.id)));
    expect(asked).toHaveLength(0);
  });

  it('refuses a structure that already exists at that postcode, and creates no account', async () => {
    const { organisation } = await makeStructureWithManager(t.connection.db, { postcode: '62300', city: 'Lens' });
    const body = newStructureBody({
      organisation: { name: organisation.name.toUpperCase(), kind: 'cooperative', city: 'Lens', postcode: '62300' },
    });
    const response = await register(body);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('organisation_exists');
    expect(await countUsers(body.email)).toBe(0);
  });

  it('checks the structure the same way for a taken address (the answer does not tell)', async () => {
    const { organisation, manager } = await makeStructureWithManager(t.connection.db, {
      postcode: '62300',
      city: 'Lens',
    });
    const sameStructure = { name: organisation.name, kind: 'association', city: 'Lens', postcode: '62300' };
    const taken = await register(newStructureBody({ email: manager.email, organisation: sameStructure }));
    const free = await register(newStructureBody({ organisation: sameStructure }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toEqual(free.json());
    const unknownNetwork = { ...sameStructure, name: 'Autre', networkId: '00000000-0000-4000-8000-000000000000' };
    const takenNetwork = await register(newStructureBody({ email: manager.email, organisation: unknownNetwork }));
    expect(takenNetwork.statusCode).toBe(400);
    const unknownStructure = '00000000-0000-4000-8000-000000000000';
    const { organisation: _none, ...joining } = newStructureBody({ email: manager.email });
    const takenJoin = await register({ ...joining, joinOrganisationId: unknownStructure });
    expect(takenJoin.statusCode).toBe(404);
  });

  it('refuses an unknown network, and creates no account', async () => {
    const body = newStructureBody();
    const response = await register({
      ...body,
      organisation: { ...body.organisation, networkId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].path).toBe('organisation.networkId');
    expect(await countUsers(body.email)).toBe(0);
  });

  it('joins the network it names', async () => {
    const network = await makeNetwork(t.connection.db);
    const body = newStructureBody();
    await register({ ...body, organisation: { ...body.organisation, networkId: network.id } });
    const { session, headers } = await signedInAs(body);
    const organisationId = session.memberships[0].organisation.id;
    const detail = await t.app.inject({ method: 'GET', url: `/api/organisations/${organisationId}`, headers });
    expect(detail.json().networks).toEqual([expect.objectContaining({ id: network.id })]);
  });

  it.each([
    ['a password shorter than 10 characters', { password: 'court' }, 'password', 'minLength'],
    ['a password among the most common', { password: '1234567890' }, 'password', 'strength'],
    ['ten spaces', { password: ' '.repeat(10) }, 'password', 'strength'],
    ['a keyboard row', { password: 'azertyuiop' }, 'password', 'strength'],
    ['« motdepasse »', { password: 'motdepasse' }, 'password', 'strength'],
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
    ['a blank name', { name: '   ' }, 'name', 'required'],
  ])('refuses %s with a 400 naming the field', async (_case, overrides, field, rule) => {
    const body = newStructureBody(overrides);
    const response = await register(body);
    expect(response.statusCode).toBe(400);
    const error = response.json();
    expect(error.error).toBe('validation_failed');
    expect(error.details).toContainEqual(
      expect.objectContaining({ path: field, code: rule, message: expect.any(String) }),
    );
    expect(await countUsers(String(body.email))).toBe(0);
  });

  it('refuses a weak password for a taken address too', async () => {
    const { manager } = await makeStructureWithManager(t.connection.db);
    const response = await register(newStructureBody({ email: manager.email, password: 'motdepasse' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([expect.objectContaining({ path: 'password', code: 'strength' })]);
  });

  it('asks for exactly one of a new structure or a structure to join', async () => {
    const { organisation, ...neither } = newStructureBody();
    const none = await register(neither);
    expect(none.statusCode).toBe(400);
    const both = await register({
      ...neither,
      organisation,
      joinOrganisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toBe('validation_failed');
  });

  it('takes simultaneous sign-ups, each in its own transaction, and a double-click of the same one', async () => {
    const bodies = Array.from({ length: 8 }, () => newStructureBody());
    const responses = await Promise.all([...bodies, bodies[0]!].map((payload) => register(payload)));
    // The double-click may meet the first one's structure (409) or its account (202): never a 5xx nor a second account.
    expect(responses.slice(0, 8).map((r) => r.statusCode)).toEqual(Array(8).fill(202));
    expect([202, 409]).toContain(responses[8]!.statusCode);
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
