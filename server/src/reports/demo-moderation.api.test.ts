import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { seedDemo, seedReferenceData } from '../db/seed/seed.ts';
import { diskPhotoStorage } from '../photos/storage.ts';
import { freshDatabase } from '../../test/test-database.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await freshDatabase();
  await seedReferenceData(database.connection.db);
  await seedDemo(database.connection.db, 'mot-de-passe-demo');
  app = await buildApp({
    db: database.connection.db,
    jwtSecret: 'test',
    photoStorage: diskPhotoStorage(join(tmpdir(), 'mutua-seed-photos')),
  });
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function signIn(email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: 'mot-de-passe-demo' },
  });
  return { authorization: `Bearer ${response.json<{ token: string }>().token}` };
}

describe('the demo’s moderation', () => {
  it('gives the demo admin a report to handle and a listing to review; the reporter follows the report', async () => {
    const admin = await signIn('admin@demo.mutua.fr');
    const open = await app.inject({ method: 'GET', url: '/api/admin/reports', headers: admin });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().reports).toEqual([
      expect.objectContaining({
        reasonCode: 'unsafe',
        target: expect.objectContaining({ type: 'item', title: 'Échafaudage roulant', status: 'published' }),
        reporter: {
          name: 'Léa Emprunteuse',
          structure: expect.objectContaining({ name: 'Centre social Les Tisserands' }),
        },
      }),
    ]);
    const waiting = await app.inject({ method: 'GET', url: '/api/admin/listings', headers: admin });
    expect(waiting.json().listings.map((listing: { title: string }) => listing.title)).toEqual([
      'Motobineuse thermique',
    ]);
    const mine = await app.inject({
      method: 'GET',
      url: '/api/me/reports',
      headers: await signIn('emprunteur@demo.mutua.fr'),
    });
    expect(mine.json().reports).toEqual([expect.objectContaining({ outcome: null })]);
  });
});
