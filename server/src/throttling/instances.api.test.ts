import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { App } from '../app.ts';
import { connectDatabase, type DatabaseConnection } from '../db/client.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { deleteExpiredThrottles } from './cleanup.ts';
import { freshAddress, throttledApp } from './test-support.ts';

const t = useTestApp();
const limits = { signIn: { account: { points: 10, seconds: 900 } } };

/**
 * Two instances on one database. On PostgreSQL each has its own connection pool, as two
 * processes would; PGlite has a single connection, so they share the database object.
 */
let first: App;
let second: App;
let secondConnection: DatabaseConnection | undefined;
beforeAll(async () => {
  if (process.env.MUTUA_TEST_ENGINE === 'postgres')
    secondConnection = await connectDatabase({ databaseUrl: inject('postgresTestUrl'), poolSize: 20 });
  first = await throttledApp(t.connection.db, t.photosDir, { limits });
  second = await throttledApp(secondConnection?.db ?? t.connection.db, t.photosDir, { limits });
});
afterAll(async () => {
  await secondConnection?.close();
});

const signIn = (app: App, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: freshAddress(), payload: { email, password } });

describe('limits shared by every instance', () => {
  it('counts an account’s attempts on one instance against it on the other', async () => {
    const person = await makeUser(t.connection.db);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const instance = attempt % 2 ? second : first;
      expect((await signIn(instance, person.email, 'pas-le-bon-mot')).statusCode).toBe(401);
    }
    expect((await signIn(first, person.email, testPassword)).statusCode).toBe(429);
    expect((await signIn(second, person.email, testPassword)).statusCode).toBe(429);
  });

  it('lets exactly the limit through when attempts arrive at once on both instances', async () => {
    const person = await makeUser(t.connection.db);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => signIn(index % 2 ? second : first, person.email, 'pas-le-bon-mot')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  });

  it('forgets a window once it is over: the worker deletes its row', async () => {
    const person = await makeUser(t.connection.db);
    const quick = await throttledApp(t.connection.db, t.photosDir, {
      limits: { signIn: { account: { points: 1, seconds: 1 } } },
    });
    expect((await signIn(quick, person.email, 'pas-le-bon-mot')).statusCode).toBe(401);
    expect((await signIn(quick, person.email, testPassword)).statusCode).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await deleteExpiredThrottles(t.connection.db)).toBeGreaterThanOrEqual(1);
    expect((await signIn(quick, person.email, testPassword)).statusCode).toBe(200);
  });
});
