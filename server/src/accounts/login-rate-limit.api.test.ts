import { describe, expect, it } from 'vitest';
import { makeStructureWithManager, testPassword } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp({ loginRateLimit: 3 });

describe('login rate limit', () => {
  it('answers 429 in the JSON error shape once a client has tried too often, even with the right password', async () => {
    const { manager } = await makeStructureWithManager(t.connection.db);
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.7',
        payload: { email: manager.email, password },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('mauvais-mot-de-passe')).statusCode).toBe(401);
    const blocked = await attempt(testPassword);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'rate_limited', message: expect.any(String) });
    const otherClient = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.8',
      payload: { email: manager.email, password: testPassword },
    });
    expect(otherClient.statusCode).toBe(200);
  });
});
