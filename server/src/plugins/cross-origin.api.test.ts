import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import {
  makeItem,
  makeNetworkAdmin,
  makeOrganisation,
  makeStructureWithManager,
  signIn,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/** The app's own origin in tests (buildApp's default PUBLIC_URL). */
const ownOrigin = 'http://localhost:3000';

/** The bodies a page on another site can send without a CORS preflight. */
const simpleBodies: Record<string, Pick<InjectOptions, 'headers' | 'payload'>> = {
  'text/plain': { headers: { 'content-type': 'text/plain' }, payload: '{"reason":"x"}' },
  'multipart/form-data': {
    headers: { 'content-type': 'multipart/form-data; boundary=mutua' },
    payload: '--mutua\r\nContent-Disposition: form-data; name="reason"\r\n\r\nx\r\n--mutua--\r\n',
  },
  'no content type': { headers: {}, payload: undefined },
};

/** How a browser says a request comes from another origin: modern, same-site sibling, older, sandboxed. */
const elsewhere: Record<string, Record<string, string>> = {
  'another site': { origin: 'https://pirate.example', 'sec-fetch-site': 'cross-site' },
  'a sibling subdomain (same site)': { origin: 'https://blog.localhost:3000', 'sec-fetch-site': 'same-site' },
  'an older browser (Origin only)': { origin: 'https://pirate.example' },
  'a sandboxed frame (Origin: null)': { origin: 'null', 'sec-fetch-site': 'cross-site' },
  'Sec-Fetch-Site alone': { 'sec-fetch-site': 'cross-site' },
  'a same-origin claim with another Origin': { origin: 'https://pirate.example', 'sec-fetch-site': 'same-origin' },
};

const sessionOf = (headers: { authorization: string }) => headers.authorization.slice('Bearer '.length);

/** The four writes of the report, each with a way to tell whether it happened. */
const writes = {
  async 'approve a structure'() {
    const { networkId } = await makeStructureWithManager(db());
    const pending = await makeOrganisation(db(), { networkId, status: 'pending' });
    const admin = await makeNetworkAdmin(db(), networkId);
    const token = sessionOf(await signIn(t.app, admin.email));
    return {
      token,
      url: `/api/admin/organisations/${pending.id}/approve`,
      done: async () => (await statusOf(pending.id)) === 'active',
    };
  },
  async 'rotate the calendar feed'() {
    const { organisation, manager } = await makeStructureWithManager(db());
    const token = sessionOf(await signIn(t.app, manager.email));
    const url = `/api/organisations/${organisation.id}/calendar-feed`;
    return {
      token,
      url,
      done: async () =>
        (await t.app.inject({ method: 'GET', url, cookies: { mutua_session: token } })).statusCode === 200,
    };
  },
  async 'duplicate a listing'() {
    const { organisation, manager } = await makeStructureWithManager(db());
    const item = await makeItem(db(), { organisationId: organisation.id });
    const token = sessionOf(await signIn(t.app, manager.email));
    return {
      token,
      url: `/api/items/${item.id}/duplicate`,
      done: async () =>
        (await db().select({ id: items.id }).from(items).where(eq(items.organisationId, organisation.id))).length > 1,
    };
  },
  async 'log out'() {
    const { manager } = await makeStructureWithManager(db());
    const token = sessionOf(await signIn(t.app, manager.email));
    return {
      token,
      url: '/api/auth/logout',
      done: async () =>
        (await t.app.inject({ method: 'GET', url: '/api/me', cookies: { mutua_session: token } })).statusCode === 401,
    };
  },
};

async function statusOf(organisationId: string) {
  const [row] = await db()
    .select({ status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.status;
}

describe('a write with the session cookie from another origin', () => {
  for (const [action, prepare] of Object.entries(writes)) {
    it(`is refused and changes nothing: ${action}`, async () => {
      const write = await prepare();
      for (const [body, { headers, payload }] of Object.entries(simpleBodies)) {
        for (const [from, origin] of Object.entries(elsewhere)) {
          const response = await t.app.inject({
            method: 'POST',
            url: write.url,
            headers: { ...headers, ...origin },
            payload,
            cookies: { mutua_session: write.token },
          });
          expect(response.statusCode, `${body}, from ${from}: ${response.body}`).toBe(403);
          expect(response.json()).toEqual({
            error: 'cross_origin_request',
            message: 'Requête refusée : elle vient d’un autre site que Mutua. Refaites-la depuis Mutua.',
          });
        }
      }
      expect(await write.done()).toBe(false);
    });
  }

  it('is refused whatever the spelling of the path (%-escapes)', async () => {
    const write = await writes['log out']();
    const response = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/logout',
      headers: elsewhere['another site'],
      cookies: { mutua_session: write.token },
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(await write.done()).toBe(false);
  });

  it('is refused for PATCH and DELETE too', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const item = await makeItem(db(), { organisationId: organisation.id });
    const token = sessionOf(await signIn(t.app, manager.email));
    const cookies = { mutua_session: token };
    const headers = elsewhere['another site'];
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/items/${item.id}`,
      headers,
      cookies,
      payload: { title: 'Détourné' },
    });
    expect(patch.statusCode, patch.body).toBe(403);
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/items/${item.id}`, headers, cookies });
    expect(remove.statusCode, remove.body).toBe(403);
    const [row] = await db().select({ title: items.title }).from(items).where(eq(items.id, item.id));
    expect(row?.title).toBe(item.title);
  });
});

describe('a write that passes', () => {
  const passing: Record<string, (token: string) => InjectOptions> = {
    'from the app’s own origin': (token) => ({
      headers: { origin: ownOrigin, 'sec-fetch-site': 'same-origin' },
      cookies: { mutua_session: token },
    }),
    'from the origin it was addressed to (Host)': (token) => ({
      headers: { host: 'mutua.test:8080', origin: 'http://mutua.test:8080', 'sec-fetch-site': 'same-origin' },
      cookies: { mutua_session: token },
    }),
    'typed by the person (Sec-Fetch-Site: none)': (token) => ({
      headers: { 'sec-fetch-site': 'none' },
      cookies: { mutua_session: token },
    }),
    'with the cookie but no browser headers (a server, a script)': (token) => ({ cookies: { mutua_session: token } }),
    'with a bearer token, from anywhere': (token) => ({
      headers: { ...elsewhere['another site'], authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      payload: 'x',
    }),
  };
  for (const [how, request] of Object.entries(passing)) {
    it(how, async () => {
      for (const [action, prepare] of Object.entries(writes)) {
        const write = await prepare();
        const response = await t.app.inject({ method: 'POST', url: write.url, ...request(write.token) });
        expect(response.statusCode, `${action}: ${response.body}`).toBeLessThan(300);
        expect(await write.done(), action).toBe(true);
      }
    });
  }

  it('from another origin without the cookie is not refused as cross-origin (no session to ride)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: elsewhere['another site'],
    });
    expect(response.statusCode, response.body).toBe(204);
  });
});
