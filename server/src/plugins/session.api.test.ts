import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const secret = 'test-secret-not-for-production';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT as an attacker would write it: any header, any claims, any signature. */
function forgedToken(header: Record<string, unknown>, claims: Record<string, unknown>, key?: string) {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  if (!key) return `${unsigned}.`;
  const hash = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${unsigned}.${createHmac(hash, key).update(unsigned).digest('base64url')}`;
}

/** The claims of a real, open session: a forged token naming them must not open it. */
async function openSession() {
  const user = await makeUser(t.connection.db);
  const { authorization } = await signIn(t.app, user.email);
  const token = authorization.slice('Bearer '.length);
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  return { token, claims };
}

const forgeries = async () => {
  const { claims } = await openSession();
  return {
    'alg none': forgedToken({ alg: 'none', typ: 'JWT' }, claims),
    'alg None, signed': forgedToken({ alg: 'None', typ: 'JWT' }, claims, secret),
    'HS512 with our secret': forgedToken({ alg: 'HS512', typ: 'JWT' }, claims, secret),
    'HS256 with another secret': forgedToken({ alg: 'HS256', typ: 'JWT' }, claims, 'another-secret'),
    'no alg': forgedToken({ typ: 'JWT' }, claims, secret),
    'malformed base64': '%%%.@@@.!!!',
    'not a JWT': 'bonjour',
    'a header that is not JSON': `${Buffer.from('{"alg":').toString('base64url')}.${base64url(claims)}.x`,
    'claims that are not an object': forgedToken({ alg: 'none' }, [1, 2] as unknown as Record<string, unknown>),
    'a huge token': `${base64url({ alg: 'HS256', typ: 'JWT' })}.${'A'.repeat(200_000)}.${'B'.repeat(43)}`,
  };
};

describe('a forged or broken session token', () => {
  it('is a 401 on a route that needs a session, by bearer and by cookie', async () => {
    for (const [name, token] of Object.entries(await forgeries())) {
      const byBearer = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(byBearer.statusCode, `${name}: ${byBearer.body}`).toBe(401);
      expect(byBearer.json(), name).toEqual({ error: 'unauthenticated', message: 'Connectez-vous pour continuer.' });

      const byCookie = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { mutua_session: token } });
      expect(byCookie.statusCode, `${name}: ${byCookie.body}`).toBe(401);
      expect(byCookie.json().error, name).toBe('unauthenticated');
    }
  });

  it('leaves a public route open, as to anyone signed out', async () => {
    for (const [name, token] of Object.entries(await forgeries())) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/items',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(200);
      expect(response.json().items, name).toEqual(expect.any(Array));
    }
  });

  it('is a 401 when the Authorization header is not one bearer token', async () => {
    for (const authorization of ['Bearer a b', 'Bearer  ', 'Bearer']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization } });
      expect(response.statusCode, `${authorization}: ${response.body}`).toBe(401);
    }
  });

  it('while the real token still opens the session', async () => {
    const { token } = await openSession();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
