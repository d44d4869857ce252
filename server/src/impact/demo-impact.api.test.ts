import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.ts';
import { seedDemo, seedReferenceData } from '../db/seed/seed.ts';
import { diskPhotoStorage } from '../photos/storage.ts';
import { freshDatabase } from '../../test/test-database.ts';
import type { ImpactMethod, ImpactReport } from './schemas.ts';

/** « Done when »: the demo admin finds this quarter's figures, with ADEME's values and the estimates labelled. */
let database: Awaited<ReturnType<typeof freshDatabase>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let headers: Record<string, string>;

beforeAll(async () => {
  database = await freshDatabase();
  await seedReferenceData(database.connection.db);
  await seedDemo(database.connection.db, 'mot-de-passe-demo');
  app = await buildApp({
    db: database.connection.db,
    jwtSecret: 'test',
    photoStorage: diskPhotoStorage(join(tmpdir(), 'mutua-impact-demo-photos')),
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@demo.mutua.fr', password: 'mot-de-passe-demo' },
  });
  headers = { authorization: `Bearer ${login.json().token}` };
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

async function networkId(slug: string) {
  const me = (await app.inject({ method: 'GET', url: '/api/me', headers })).json();
  return me.networkRoles.find((role: { network: { slug: string } }) => role.network.slug === slug).network.id as string;
}

describe('the demo dashboard', () => {
  it('shows this quarter’s loans, services and avoided purchases and emissions in both networks', async () => {
    for (const slug of ['ess-hauts-de-france', 'environnement-solidarite']) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/impact?networkId=${await networkId(slug)}`,
        headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json<ImpactReport>();
      expect(report.totals.loans, slug).toBeGreaterThanOrEqual(3);
      expect(report.totals.purchasesAvoidedCents).toBeGreaterThan(0);
      expect(report.totals.co2eAvoidedKg).toBeGreaterThan(0);
      expect(report.reciprocity.length).toBeGreaterThanOrEqual(3);
    }
    const regional = await app.inject({
      method: 'GET',
      url: `/api/admin/impact?networkId=${await networkId('ess-hauts-de-france')}`,
      headers,
    });
    const report = regional.json<ImpactReport>();
    expect(report.totals.services).toBeGreaterThanOrEqual(1);
    // The reusable cups have no factor on purpose: listed, not counted as zero.
    expect(report.withoutFactor.map((row) => row.category.id)).toContain('cuisine-vaisselle');
  });

  it('has ADEME’s published values and the network’s estimates, labelled as such', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/admin/impact/method?networkId=${await networkId('ess-hauts-de-france')}`,
      headers,
    });
    const method = response.json<ImpactMethod>();
    expect(method.substitutionRatePercent).toBe(50);
    const factor = (id: string) => method.factors.find((row) => row.category.id === id);
    expect(factor('chaises')).toMatchObject({
      kgCo2ePerItem: 18.6,
      estimated: false,
      source: expect.stringContaining('ADEME'),
    });
    expect(factor('tables')).toMatchObject({ kgCo2ePerItem: 80.2, estimated: false });
    expect(factor('informatique')).toMatchObject({ kgCo2ePerItem: 170.3, estimated: false });
    expect(factor('velos-cargos')).toMatchObject({
      estimated: true,
      source: expect.stringMatching(/^Estimation du réseau/),
    });
  });

  it('exports the quarter as CSV for French Excel', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/admin/impact?networkId=${await networkId('ess-hauts-de-france')}&format=csv&table=reciprocity`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    const text = response.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFStructure;')).toBe(true);
    expect(text).toContain('Compagnie du Beffroi;oui;');
  });
});
