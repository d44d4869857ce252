import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { freshAddress, throttledApp } from './test-support.ts';

const t = useTestApp();
/** The limits of rules.ts, as a real instance runs them. */
let app: App;
beforeAll(async () => {
  app = await throttledApp(t.connection.db, t.photosDir);
});

const signIn = (email: string, password: string, remoteAddress: string, on = app) =>
  on.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

describe('sign-in, limited per account', () => {
  it('refuses the right password once an account has had too many wrong ones, from however many addresses', async () => {
    const person = await makeUser(t.connection.db);
    const addresses = Array.from({ length: 7 }, freshAddress);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 70; attempt += 1) {
      statuses.push((await signIn(person.email, `essai-${attempt}-faux`, addresses[attempt % 7]!)).statusCode);
    }
    // Ten guesses per quarter of an hour (rules.ts), then nothing gets through.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(60).fill(429));

    const right = await signIn(person.email, testPassword, freshAddress());
    expect(right.statusCode).toBe(429);
    expect(right.json()).toEqual({ error: 'rate_limited', message: expect.stringMatching(/^Trop de tentatives/) });
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('counts the account by its address as typed, whatever the case and spaces', async () => {
    const person = await makeUser(t.connection.db);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const typed = attempt % 2 ? `  ${person.email.toUpperCase()} ` : person.email;
      expect((await signIn(typed, 'pas-le-bon-mot', freshAddress())).statusCode).toBe(401);
    }
    expect((await signIn(person.email.toUpperCase(), testPassword, freshAddress())).statusCode).toBe(429);
  });

  it('leaves the other accounts, and the same addresses for them, alone', async () => {
    const target = await makeUser(t.connection.db);
    const neighbour = await makeUser(t.connection.db);
    const address = freshAddress();
    for (let attempt = 0; attempt < 11; attempt += 1) await signIn(target.email, 'pas-le-bon-mot', address);
    expect((await signIn(target.email, testPassword, address)).statusCode).toBe(429);
    expect((await signIn(neighbour.email, testPassword, address)).statusCode).toBe(200);
  });

  it('starts the count again after a successful sign-in', async () => {
    const person = await makeUser(t.connection.db);
    const address = freshAddress();
    for (let attempt = 0; attempt < 9; attempt += 1)
      expect((await signIn(person.email, 'pas-le-bon-mot', address)).statusCode).toBe(401);
    expect((await signIn(person.email, testPassword, address)).statusCode).toBe(200);
    for (let attempt = 0; attempt < 9; attempt += 1)
      expect((await signIn(person.email, 'pas-le-bon-mot', address)).statusCode).toBe(401);
    expect((await signIn(person.email, testPassword, address)).statusCode).toBe(200);
  });

  it('counts an address that does not belong to any account the same way (no hint that it exists)', async () => {
    const email = `personne-${freshAddress()}@inconnu.mutua.fr`;
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      statuses.push((await signIn(email, 'pas-le-bon-mot', freshAddress())).statusCode);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});

describe('sign-in, limited per address', () => {
  it('refuses an address that tries too many accounts, and only that address', async () => {
    const limited = await throttledApp(t.connection.db, t.photosDir, {
      limits: { signIn: { address: { points: 5, seconds: 600 } } },
    });
    const address = freshAddress();
    const people = await Promise.all(Array.from({ length: 6 }, () => makeUser(t.connection.db)));
    const statuses = [];
    for (const person of people.slice(0, 5))
      statuses.push((await signIn(person.email, 'pas-le-bon-mot', address, limited)).statusCode);
    expect(statuses).toEqual(Array(5).fill(401));

    const over = await signIn(people[5]!.email, testPassword, address, limited);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(590);
    expect((await signIn(people[5]!.email, testPassword, freshAddress(), limited)).statusCode).toBe(200);
  });

  it('counts a whole IPv6 /64 as one address', async () => {
    const limited = await throttledApp(t.connection.db, t.photosDir, {
      limits: { signIn: { address: { points: 3, seconds: 600 } } },
    });
    const network = `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}`;
    const person = await makeUser(t.connection.db);
    for (const host of [`${network}::1`, `${network}:abcd::2`, `${network}:ffff:ffff:ffff:fffe`])
      expect((await signIn(person.email, 'pas-le-bon-mot', host, limited)).statusCode).toBe(401);
    expect((await signIn(person.email, testPassword, `${network}:0:0:0:42`, limited)).statusCode).toBe(429);
    const nextNetwork = `2001:db8:${randomInt(0xffff).toString(16)}:1`;
    expect((await signIn(person.email, testPassword, `${nextNetwork}::42`, limited)).statusCode).toBe(200);
  });
});
