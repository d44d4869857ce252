import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../app.ts';
import { diskPhotoStorage } from '../../photos/storage.ts';
import { freshDatabase } from '../../../test/test-database.ts';
import { isEmpty, seedDemo, seedReferenceData } from './seed.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  database = await freshDatabase();
  await seedReferenceData(database.connection.db);
  expect(await isEmpty(database.connection.db)).toBe(true);
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

const login = (email: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'mot-de-passe-demo' } });

describe('demo data', () => {
  it('lets the three demo accounts of the README sign in, each in their role', async () => {
    const admin = (await login('admin@demo.mutua.fr')).json();
    expect(admin.networkRoles.map((r: { role: string }) => r.role)).toEqual(['admin', 'admin']);
    const lender = (await login('preteur@demo.mutua.fr')).json();
    expect(lender.memberships).toEqual([expect.objectContaining({ role: 'manager', canTrade: true })]);
    const borrower = (await login('emprunteur@demo.mutua.fr')).json();
    expect(borrower.memberships).toEqual([expect.objectContaining({ role: 'member', canTrade: true })]);
  });

  it('spreads a dozen structures over the five départements, with some waiting for the admin', async () => {
    const directory = (await app.inject({ method: 'GET', url: '/api/organisations?limit=100' })).json();
    expect(directory.organisations.length).toBeGreaterThanOrEqual(10);
    const territories = new Set(directory.organisations.map((o: { territoryCode: string }) => o.territoryCode));
    expect([...territories].sort()).toEqual(['02', '59', '60', '62', '80']);
    const token = (await login('admin@demo.mutua.fr')).json().token;
    const pending = (
      await app.inject({
        method: 'GET',
        url: '/api/admin/organisations',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(pending.organisations.length).toBeGreaterThan(0);
  });

  it('has past and future loans in several states on the demo dashboards', async () => {
    const asLender = { authorization: `Bearer ${(await login('preteur@demo.mutua.fr')).json().token}` };
    const lenderDashboard = (
      await app.inject({ method: 'GET', url: '/api/bookings/dashboard', headers: asLender })
    ).json();
    expect(lenderDashboard.lender.toAnswer.map((b: { lines: Array<{ title: string }> }) => b.lines[0]!.title)).toEqual([
      'Barnum 4x8 m',
    ]);
    expect(lenderDashboard.lender.pickups.map((b: { status: string }) => b.status)).toEqual(['accepted']);
    expect(lenderDashboard.lender.returns).toHaveLength(1);
    const asBorrower = { authorization: `Bearer ${(await login('emprunteur@demo.mutua.fr')).json().token}` };
    const history = (await app.inject({ method: 'GET', url: '/api/bookings?as=borrower', headers: asBorrower })).json();
    expect(new Set(history.items.map((b: { status: string }) => b.status))).toEqual(
      new Set(['closed', 'picked_up', 'requested', 'declined', 'accepted']),
    );
    expect(history.items.find((b: { overdue: boolean }) => b.overdue)?.lines[0].title).toBe(
      'Vélo cargo biporteur électrique',
    );
  });

  it('is not seeded twice', async () => {
    expect(await isEmpty(database.connection.db)).toBe(false);
  });
});
