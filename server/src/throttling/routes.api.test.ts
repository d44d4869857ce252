import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { dayFromToday, makeUser, signIn, testPassword, uniqueSuffix } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { type RuleName, ruleNames, throttleRules } from './rules.ts';
import { freshAddress, throttledApp } from './test-support.ts';

const t = useTestApp();

/** Who makes the attempt: a person of their own (signed in where the route needs it) and their email. */
type Caller = { email: string; headers: Record<string, string> };

const emptyMultipart = {
  'content-type': 'multipart/form-data; boundary=limite',
};

/** A request each limited route accepts as input (its handler may still refuse it: it is counted before). */
const requests: Record<string, (caller: Caller) => InjectOptions> = {
  'POST /api/auth/login': ({ email }) => ({ payload: { email, password: 'pas-le-bon-mot' } }),
  'POST /api/auth/register': ({ email }) => ({
    payload: {
      email,
      password: 'une-phrase-assez-longue',
      name: 'Alice',
      organisation: { name: `Asso ${uniqueSuffix()}`, kind: 'association', city: 'Lille', postcode: '59000' },
    },
  }),
  'POST /api/auth/password-reset': ({ email }) => ({ payload: { email } }),
  'POST /api/auth/password-reset/confirm': () => ({
    payload: { token: 'jeton-qui-ne-vaut-rien', password: 'une-phrase-assez-longue' },
  }),
  'POST /api/me/password': ({ headers }) => ({
    headers,
    payload: { currentPassword: 'pas-le-bon-mot', newPassword: 'une-phrase-assez-longue' },
  }),
  'POST /api/me/email': ({ headers }) => ({
    headers,
    payload: { email: `autre-${uniqueSuffix()}@test.mutua.fr`, password: 'pas-le-bon-mot' },
  }),
  'POST /api/auth/verify-email/resend': ({ headers }) => ({ headers }),
  'POST /api/bookings': ({ headers }) => ({
    headers,
    payload: { itemId: randomUUID(), startDate: dayFromToday(10), endDate: dayFromToday(11) },
  }),
  'POST /api/bookings/batch': ({ headers }) => ({
    headers,
    payload: { lines: [{ itemId: randomUUID() }], startDate: dayFromToday(10), endDate: dayFromToday(11) },
  }),
  'POST /api/bookings/:id/messages': ({ headers }) => ({
    url: `/api/bookings/${randomUUID()}/messages`,
    headers,
    payload: { body: 'Bonjour !' },
  }),
  'POST /api/needs/:id/responses': ({ headers }) => ({
    url: `/api/needs/${randomUUID()}/responses`,
    headers,
    payload: { message: 'Nous pouvons vous prêter des tables.' },
  }),
  'POST /api/reports': ({ headers }) => ({
    headers,
    payload: { targetType: 'item', targetId: randomUUID(), reasonCode: 'spam' },
  }),
  'POST /api/items/:id/photos': ({ headers }) => ({
    url: `/api/items/${randomUUID()}/photos`,
    headers: { ...headers, ...emptyMultipart },
    payload: '--limite--\r\n',
  }),
  'POST /api/services/:id/photos': ({ headers }) => ({
    url: `/api/services/${randomUUID()}/photos`,
    headers: { ...headers, ...emptyMultipart },
    payload: '--limite--\r\n',
  }),
};

const limitedRoutes = ruleNames.flatMap((name) => throttleRules[name].routes.map((route) => ({ name, route })));

async function newCaller(): Promise<Caller> {
  const person = await makeUser(t.connection.db);
  return { email: person.email, headers: await signIn(t.app, person.email, testPassword) };
}

function attempt(app: App, route: string, caller: Caller, remoteAddress: string) {
  const [method, url] = route.split(' ') as ['POST', string];
  return app.inject({ method, url, remoteAddress, ...requests[route]!(caller) });
}

/** Every rule at one attempt an hour for one dimension, and out of the way for the other. */
function limitsOf(dimension: 'account' | 'address') {
  const one = { points: 1, seconds: 3600 };
  const many = { points: 1000, seconds: 3600 };
  return Object.fromEntries(
    ruleNames.map((name: RuleName) => [
      name,
      dimension === 'account' ? { account: one, address: many } : { account: many, address: one },
    ]),
  );
}

let perAccount: App;
let perAddress: App;
beforeAll(async () => {
  perAccount = await throttledApp(t.connection.db, t.photosDir, { limits: limitsOf('account') });
  perAddress = await throttledApp(t.connection.db, t.photosDir, { limits: limitsOf('address') });
});

describe('every limited route', () => {
  it('has a request in this test', () => {
    expect(Object.keys(requests).sort()).toEqual(limitedRoutes.map(({ route }) => route).sort());
  });

  it.each(limitedRoutes.filter(({ name }) => throttleRules[name].limits.account))(
    '$route: 429 with Retry-After past the limit of one account, from any address; another account goes on',
    async ({ route }) => {
      const caller = await newCaller();
      expect((await attempt(perAccount, route, caller, freshAddress())).statusCode).not.toBe(429);
      const refused = await attempt(perAccount, route, caller, freshAddress());
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.json()).toEqual({ error: 'rate_limited', message: expect.stringContaining('réessayez dans') });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
      expect((await attempt(perAccount, route, await newCaller(), freshAddress())).statusCode).not.toBe(429);
    },
  );

  it.each(limitedRoutes)(
    '$route: 429 with Retry-After past the limit of one address, for any account; another address goes on',
    async ({ route }) => {
      const address = freshAddress();
      expect((await attempt(perAddress, route, await newCaller(), address)).statusCode).not.toBe(429);
      const refused = await attempt(perAddress, route, await newCaller(), address);
      expect(refused.statusCode, refused.body).toBe(429);
      expect(refused.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
      expect((await attempt(perAddress, route, await newCaller(), freshAddress())).statusCode).not.toBe(429);
    },
  );

  it('shares one count between the routes of one rule (a request and a basket)', async () => {
    const caller = await newCaller();
    expect((await attempt(perAccount, 'POST /api/bookings', caller, freshAddress())).statusCode).not.toBe(429);
    expect((await attempt(perAccount, 'POST /api/bookings/batch', caller, freshAddress())).statusCode).toBe(429);
  });

  it('does not count requests refused by their schema', async () => {
    const caller = await newCaller();
    const address = freshAddress();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const invalid = await perAddress.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: address,
        payload: { email: caller.email },
      });
      expect(invalid.statusCode).toBe(400);
    }
    expect((await attempt(perAddress, 'POST /api/auth/login', caller, address)).statusCode).toBe(401);
  });

  it('documents the 429 and its Retry-After in the OpenAPI document', async () => {
    const document = (await perAccount.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const { route } of limitedRoutes) {
      const [method, url] = route.split(' ') as [string, string];
      const path = url.replace(/:(\w+)/g, '{$1}');
      const refusal = document.paths[path][method.toLowerCase()].responses['429'];
      expect(refusal, route).toBeDefined();
      expect(refusal.headers['Retry-After'], route).toBeDefined();
    }
  });
});
