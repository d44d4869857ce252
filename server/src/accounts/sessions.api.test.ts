import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../db/schema/users.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function signInFrom(email: string, userAgent: string, remoteAddress: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'user-agent': userAgent },
    payload: { email, password: testPassword },
  });
  expect(response.statusCode).toBe(200);
  return { authorization: `Bearer ${response.json<{ token: string }>().token}` };
}

const sessionsOf = (headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/api/me/sessions', headers });
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });

describe('GET /api/me/sessions', () => {
  it('lists where the account is signed in, this session marked, with the device and the address', async () => {
    const person = await makeUser(t.connection.db);
    const laptop = await signInFrom(person.email, firefox, '203.0.113.10');
    await signInFrom(person.email, iphone, '2001:db8::7');
    const listed = await sessionsOf(laptop);
    expect(listed.statusCode).toBe(200);
    const { sessions } = listed.json();
    expect(sessions).toHaveLength(2);
    expect(sessions).toContainEqual({
      id: expect.any(String),
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      expiresAt: expect.any(String),
      browser: 'Firefox',
      system: 'Linux',
      ipAddress: '203.0.113.10',
      current: true,
    });
    expect(sessions).toContainEqual(
      expect.objectContaining({ browser: 'Safari', system: 'iOS', ipAddress: '2001:db8::7', current: false }),
    );
    // Another person's sessions never show.
    const other = await makeUser(t.connection.db);
    expect((await sessionsOf(await signInFrom(other.email, firefox, '203.0.113.11'))).json().sessions).toHaveLength(1);
  });
});

describe('a session’s « last seen »', () => {
  it('moves when the app loads with it (GET /api/me), at most every five minutes', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signInFrom(person.email, firefox, '203.0.113.60');
    const [session] = (await sessionsOf(here)).json().sessions;
    await t.connection.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '1 hour'` })
      .where(eq(sessions.id, session.id));
    const anHourAgo = (await sessionsOf(here)).json().sessions[0].lastSeenAt;
    await me(here);
    const now = (await sessionsOf(here)).json().sessions[0].lastSeenAt;
    expect(Date.parse(now) - Date.parse(anHourAgo)).toBeGreaterThan(59 * 60 * 1000);
    await me(here);
    expect((await sessionsOf(here)).json().sessions[0].lastSeenAt).toBe(now);
  });
});

describe('POST /api/me/sessions/revoke-others', () => {
  it('signs out everywhere else and keeps this session', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signInFrom(person.email, firefox, '203.0.113.20');
    const phone = await signInFrom(person.email, iphone, '203.0.113.21');
    const tablet = await signInFrom(person.email, iphone, '203.0.113.22');
    const revoked = await t.app.inject({ method: 'POST', url: '/api/me/sessions/revoke-others', headers: here });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ revoked: 2 });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(tablet)).statusCode).toBe(401);
    expect((await sessionsOf(here)).json().sessions).toEqual([expect.objectContaining({ current: true })]);
  });
});

describe('DELETE /api/me/sessions/:id', () => {
  it('ends one session of mine; another person’s is not found and goes on', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signInFrom(person.email, firefox, '203.0.113.30');
    const phone = await signInFrom(person.email, iphone, '203.0.113.31');
    const phoneId = (await sessionsOf(here)).json().sessions.find((s: { current: boolean }) => !s.current).id;

    const stranger = await makeUser(t.connection.db);
    const strangerHeaders = await signInFrom(stranger.email, firefox, '203.0.113.32');
    const notYours = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${phoneId}`,
      headers: strangerHeaders,
    });
    expect(notYours.statusCode).toBe(404);
    expect(notYours.json()).toMatchObject({ error: 'not_found' });
    expect((await me(phone)).statusCode).toBe(200);

    const ended = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${phoneId}`, headers: here });
    expect(ended.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${phoneId}`, headers: here });
    expect(again.statusCode).toBe(404);
  });

  it('ends this very session too, clearing its cookie', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signInFrom(person.email, firefox, '203.0.113.40');
    const hereId = (await sessionsOf(here)).json().sessions[0].id;
    const ended = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${hereId}`, headers: here });
    expect(ended.statusCode).toBe(204);
    expect(ended.cookies.find((cookie) => cookie.name === 'mutua_session')?.value).toBe('');
    expect((await me(here)).statusCode).toBe(401);
  });

  it('answers 400 to an id that is not one, and 401 to the anonymous', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signInFrom(person.email, firefox, '203.0.113.50');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/sessions/abc', headers: here })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/sessions' })).statusCode).toBe(401);
  });
});
