import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  makeOrganisation,
  makeService,
  signIn,
  signedInMember,
  uniqueSuffix,
} from '../../test/factories.ts';
import { insertItemLoan, insertServiceLoan, setFactor } from '../../test/impact-factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { auditEntries } from '../db/schema/audit.ts';
import { organisationNetworks } from '../db/schema/organisations.ts';
import { parisToday } from '../domain/calendar-days.ts';
import { quarterOf } from './period.ts';
import type { ImpactReport } from './schemas.ts';

const t = useTestApp();
const db = () => t.connection.db;

/**
 * One network N (rate 50 %) and another M, over the second quarter of 2025.
 *
 * Structures: A (Nord, 59) and B (Pas-de-Calais, 62) and C (Somme, 80, named like a spreadsheet
 * formula) in N; D (59) in M only.
 * Items: A1 chairs 15 € (59), A2 a gazebo 180 € (59, archived since), A3 a drill 120 € placed in
 * 62, B1 a laptop 300 € with no territory of its own (B's: 62), D1 a table 60 € (M). C gives a
 * service in 80.
 * Factors of N: chaises 18.6, informatique 170.3, the family « événementiel » 40.0 (an estimate:
 * tonnelles take it), outillage none. M has its own chaises factor (99.9), which N never uses.
 *
 * Loans (first day → what counts for N):
 *   L0 2025-03-20 B→A 1 laptop, returned   → before the period, but makes A–B not new
 *   L1 2025-04-10..12 A→B 10 chairs, closed → counted, not a first exchange (L0)
 *   L6 2025-04-20 A→B 3 chairs, cancelled   → never lent
 *   S2 2025-04-02 C→B service, closed       → counted, first B–C exchange
 *   L2 2025-05-03..04 A→C 2 gazebos, returned → counted, first A–C exchange
 *   S3 2025-05-10 C→B service, cancelled    → not given
 *   L8 2025-05-15 D→A 4 tables, closed      → M's lender: not N's
 *   L3 2025-05-20..21 A→C 20 chairs + 1 drill, picked up → counted, repeated A–C
 *   L7 2025-06-01 A→C 1 gazebo, declined    → never lent
 *   S1 2025-06-05 C→A service, done         → counted, repeated A–C
 *   L9 2025-06-10..11 A→D 5 chairs, closed  → counted (A is N's), repeated A–D (L8)
 *   L4 2025-06-30..07-02 B→C 2 laptops, closed → counted in full (first day in the period), repeated B–C (S2)
 *   L5 2025-07-01 A→B 5 chairs, closed      → after the period
 */
const period = { from: '2025-04-01', to: '2025-06-30' };

async function buildScenario() {
  const suffix = uniqueSuffix();
  const n = await makeNetwork(db(), `Réseau N ${suffix}`);
  const m = await makeNetwork(db(), `Réseau M ${suffix}`);
  const a = await makeOrganisation(db(), { networkId: n.id, name: `Atelier Alpha ${suffix}`, postcode: '59000' });
  const b = await makeOrganisation(db(), {
    networkId: n.id,
    name: `Bricoleurs Bêta ${suffix}`,
    city: 'Arras',
    postcode: '62000',
  });
  const c = await makeOrganisation(db(), {
    networkId: n.id,
    name: `=HYPERLINK("https://exemple.org";"Cliquez ${suffix}")`,
    city: 'Amiens',
    postcode: '80000',
  });
  const d = await makeOrganisation(db(), { networkId: m.id, name: `Dépôt Delta ${suffix}`, postcode: '59000' });
  const pending = await makeOrganisation(db(), { networkId: n.id, status: 'pending', postcode: '62000' });
  // Who joined N when: A long ago, B in the period, C at 00:30 on 1 July in Paris (22:30 UTC on 30 June: after it).
  const joined = async (organisationId: string, at: string) =>
    db()
      .update(organisationNetworks)
      .set({ joinedAt: new Date(at) })
      .where(and(eq(organisationNetworks.organisationId, organisationId), eq(organisationNetworks.networkId, n.id)));
  await joined(a.id, '2024-01-10T10:00:00Z');
  await joined(b.id, '2025-05-01T10:00:00Z');
  await joined(c.id, '2025-06-30T22:30:00Z');
  await joined(pending.id, '2025-05-02T10:00:00Z');

  const item = (
    organisationId: string,
    categoryId: string,
    cents: number,
    quantity: number,
    territoryCode: string | null,
  ) => makeItem(db(), { organisationId, categoryId, replacementValueCents: cents, quantity, territoryCode });
  const a1 = await item(a.id, 'chaises', 1500, 50, '59');
  const a2 = await item(a.id, 'tonnelles', 18000, 4, '59');
  const a3 = await item(a.id, 'outillage', 12000, 3, '62');
  const b1 = await item(b.id, 'informatique', 30000, 6, null);
  const d1 = await item(d.id, 'tables', 6000, 10, '59');
  const service = await makeService(db(), {
    organisationId: c.id,
    city: 'Amiens',
    postcode: '80000',
    territoryCode: '80',
  });

  await setFactor(db(), n.id, 'chaises', 18.6, 'ADEME, Base Empreinte / Impact CO2 — chaise en bois');
  await setFactor(db(), n.id, 'informatique', 170.3, 'ADEME, Base Empreinte / Impact CO2 — ordinateur portable');
  await setFactor(db(), n.id, 'evenementiel', 40, 'Estimation du réseau', true);
  await setFactor(db(), m.id, 'chaises', 99.9, 'Autre source');

  const loan = (
    lenderId: string,
    borrowerId: string,
    lines: Array<[{ id: string }, number]>,
    startDate: string,
    endDate: string,
    status: 'picked_up' | 'returned' | 'closed' | 'cancelled' | 'declined',
  ) =>
    insertItemLoan(db(), {
      lenderId,
      borrowerId,
      lines: lines.map(([lent, quantity]) => ({ itemId: lent.id, quantity })),
      startDate,
      endDate,
      status,
    });
  const given = (lenderId: string, borrowerId: string, day: string, status: 'done' | 'closed' | 'cancelled') =>
    insertServiceLoan(db(), { lenderId, borrowerId, serviceId: service.id, day, status });

  await loan(b.id, a.id, [[b1, 1]], '2025-03-20', '2025-03-21', 'returned'); // L0
  await loan(a.id, b.id, [[a1, 10]], '2025-04-10', '2025-04-12', 'closed'); // L1
  await loan(a.id, b.id, [[a1, 3]], '2025-04-20', '2025-04-21', 'cancelled'); // L6
  await given(c.id, b.id, '2025-04-02', 'closed'); // S2
  await loan(a.id, c.id, [[a2, 2]], '2025-05-03', '2025-05-04', 'returned'); // L2
  await given(c.id, b.id, '2025-05-10', 'cancelled'); // S3
  await loan(d.id, a.id, [[d1, 4]], '2025-05-15', '2025-05-15', 'closed'); // L8
  await loan(
    a.id,
    c.id,
    [
      [a1, 20],
      [a3, 1],
    ],
    '2025-05-20',
    '2025-05-21',
    'picked_up',
  ); // L3
  await loan(a.id, c.id, [[a2, 1]], '2025-06-01', '2025-06-01', 'declined'); // L7
  await given(c.id, a.id, '2025-06-05', 'done'); // S1
  await loan(a.id, d.id, [[a1, 5]], '2025-06-10', '2025-06-11', 'closed'); // L9
  await loan(b.id, c.id, [[b1, 2]], '2025-06-30', '2025-07-02', 'closed'); // L4
  await loan(a.id, b.id, [[a1, 5]], '2025-07-01', '2025-07-01', 'closed'); // L5
  // Archived since: its loans stay in the figures.
  await db().execute(sql`update items set status = 'archived' where id = ${a2.id}`);

  const admin = await makeNetworkAdmin(db(), n.id);
  const foreignAdmin = await makeNetworkAdmin(db(), m.id);
  const member = await signedInMember(t.app, db(), a.id);
  return {
    n,
    m,
    a,
    b,
    c,
    d,
    adminId: admin.id,
    adminHeaders: await signIn(t.app, admin.email),
    foreignHeaders: await signIn(t.app, foreignAdmin.email),
    memberHeaders: member.headers,
  };
}

let scene: Awaited<ReturnType<typeof buildScenario>>;
beforeAll(async () => {
  scene = await buildScenario();
});

async function report(headers: Record<string, string>, query: Record<string, string>) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/admin/impact?${new URLSearchParams(query)}`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImpactReport>();
}

const category = (id: string, parentId: string | null, nameFr: string, nameEn: string) => ({
  id,
  parentId,
  nameFr,
  nameEn,
});
const evenementiel = category('evenementiel', null, 'Événementiel', 'Events');
const tonnelles = category('tonnelles', 'evenementiel', 'Tonnelles', 'Gazebos');
const chaises = category('chaises', 'evenementiel', 'Chaises', 'Chairs');
const outillage = category('outillage', null, 'Outillage', 'Tools');
const informatique = category('informatique', null, 'Informatique', 'Computers');

describe('the figures of a quarter, checked against the arithmetic', () => {
  it('counts what was handed over by the network’s lenders, and nothing else', async () => {
    const { n, a, b, c, d } = scene;
    const body = await report(scene.adminHeaders, { networkId: n.id, ...period });
    expect(body.network).toEqual({ id: n.id, slug: n.slug, name: n.name });
    expect(body.period).toEqual(period);
    expect(body.territory).toBeNull();
    expect(body.method).toEqual({ substitutionRatePercent: 50, explanation: 'library_of_things_2024' });
    expect(body.territories.map((territory) => territory.code)).toEqual(['59', '62', '80']);

    expect(body.totals).toEqual({
      loans: 5, // L1, L2, L3, L4, L9
      services: 2, // S1, S2
      unitsLent: 10 + 2 + (20 + 1) + 2 + 5, // 40
      daysOfUse: 10 * 3 + 2 * 2 + 21 * 2 + 2 * 3 + 5 * 2, // 92
      lendingStructures: 3, // A, B, C
      borrowingStructures: 4, // B, C, D, A (S1)
      activeStructures: 4, // A, B, C, D
      newMembers: 1, // B; C joined on 1 July in Paris, the pending one is not a member yet
      firstExchanges: 2, // L2 (A–C), S2 (B–C)
      firstExchangePercent: 28.6, // 2 / 7
      // L1 10×1500 + L2 2×18000 + L3 (20×1500 + 1×12000) + L4 2×30000 + L9 5×1500
      replacementValueCents: 15000 + 36000 + 42000 + 60000 + 7500, // 160 500
      purchasesAvoidedCents: 160500 / 2, // × 50 %
      // chairs (10 + 20 + 5) × 18.6 = 651, gazebos 2 × 40 (their family's) = 80, laptops 2 × 170.3 = 340.6
      co2eAvoidedKg: 535.8, // (651 + 80 + 340.6) × 50 % = 1071.6 / 2
      unitsWithoutFactor: 1, // the drill of L3
    });

    expect(body.months).toEqual([
      // L1 and S2: 10 chairs, 15000 × 50 %, 10 × 18.6 × 50 %
      { month: '2025-04', loans: 1, services: 1, unitsLent: 10, purchasesAvoidedCents: 7500, co2eAvoidedKg: 93 },
      // L2 and L3: 2 + 21 units, (36000 + 42000) / 2, (80 + 20 × 18.6) / 2 = (80 + 372) / 2
      { month: '2025-05', loans: 2, services: 0, unitsLent: 23, purchasesAvoidedCents: 39000, co2eAvoidedKg: 226 },
      // L4, L9 and S1: 2 + 5 units, (60000 + 7500) / 2, (340.6 + 5 × 18.6) / 2 = 433.6 / 2
      { month: '2025-06', loans: 2, services: 1, unitsLent: 7, purchasesAvoidedCents: 33750, co2eAvoidedKg: 216.8 },
    ]);

    const estimate = { kgCo2ePerItem: 40, source: 'Estimation du réseau', estimated: true, fromCategory: evenementiel };
    expect(body.categories).toEqual([
      {
        category: tonnelles,
        loans: 1,
        unitsLent: 2,
        replacementValueCents: 36000,
        factor: estimate,
        co2eAvoidedKg: 40,
      },
      {
        category: chaises,
        loans: 3, // L1, L3, L9
        unitsLent: 35,
        replacementValueCents: 15000 + 30000 + 7500,
        factor: {
          kgCo2ePerItem: 18.6,
          source: 'ADEME, Base Empreinte / Impact CO2 — chaise en bois',
          estimated: false,
          fromCategory: chaises,
        },
        co2eAvoidedKg: 325.5, // 35 × 18.6 / 2
      },
      { category: outillage, loans: 1, unitsLent: 1, replacementValueCents: 12000, factor: null, co2eAvoidedKg: null },
      {
        category: informatique,
        loans: 1,
        unitsLent: 2,
        replacementValueCents: 60000,
        factor: {
          kgCo2ePerItem: 170.3,
          source: 'ADEME, Base Empreinte / Impact CO2 — ordinateur portable',
          estimated: false,
          fromCategory: informatique,
        },
        co2eAvoidedKg: 170.3, // 2 × 170.3 / 2
      },
    ]);
    expect(body.withoutFactor).toEqual([{ category: outillage, loans: 1, unitsLent: 1 }]);

    const side = (loans: number, services: number, days: number, valueCents: number) => ({
      loans,
      services,
      days,
      valueCents,
    });
    expect(body.reciprocity).toEqual([
      // By name, French order: the formula's « = » sorts before the letters.
      {
        organisation: { id: c.id, name: c.name },
        memberOfNetwork: true,
        lent: side(0, 2, 0, 0), // S1, S2
        borrowed: side(3, 0, 4 + 42 + 6, 36000 + 42000 + 60000), // L2, L3, L4
      },
      {
        organisation: { id: a.id, name: a.name },
        memberOfNetwork: true,
        lent: side(4, 0, 30 + 4 + 42 + 10, 15000 + 36000 + 42000 + 7500), // L1, L2, L3, L9
        borrowed: side(0, 1, 0, 0), // S1; L8 was D's, lent in M
      },
      {
        organisation: { id: b.id, name: b.name },
        memberOfNetwork: true,
        lent: side(1, 0, 6, 60000), // L4
        borrowed: side(1, 1, 30, 15000), // L1, S2
      },
      {
        organisation: { id: d.id, name: d.name },
        memberOfNetwork: false,
        lent: side(0, 0, 0, 0),
        borrowed: side(1, 0, 10, 7500),
      },
    ]);
  });

  it('in one département: the item’s, else the lender’s', async () => {
    const body = await report(scene.adminHeaders, { networkId: scene.n.id, ...period, territory: '59' });
    expect(body.territory).toEqual({ code: '59', name: 'Nord' });
    // In 59: L1, L2, L3's chairs (its drill is in 62), L9; not L4 (B's laptop: B's 62) nor the services (80).
    expect(body.totals).toEqual({
      loans: 4,
      services: 0,
      unitsLent: 10 + 2 + 20 + 5,
      daysOfUse: 30 + 4 + 20 * 2 + 10,
      lendingStructures: 1, // A
      borrowingStructures: 3, // B, C, D
      activeStructures: 4,
      newMembers: 0, // B is in 62
      firstExchanges: 1, // L2
      firstExchangePercent: 25,
      replacementValueCents: 15000 + 36000 + 30000 + 7500,
      purchasesAvoidedCents: 88500 / 2,
      co2eAvoidedKg: 365.5, // (35 × 18.6 + 2 × 40) / 2 = 731 / 2
      unitsWithoutFactor: 0,
    });
    expect(body.withoutFactor).toEqual([]);
  });

  it('another network counts its own lenders’ loans only, with its own factors', async () => {
    const foreign = await report(scene.foreignHeaders, { networkId: scene.m.id, ...period });
    // L8 only: D lent 4 tables; M has no factor for tables.
    expect(foreign.totals).toMatchObject({
      loans: 1,
      services: 0,
      unitsLent: 4,
      co2eAvoidedKg: 0,
      unitsWithoutFactor: 4,
    });
    expect(foreign.withoutFactor).toEqual([
      { category: category('tables', 'evenementiel', 'Tables', 'Tables'), loans: 1, unitsLent: 4 },
    ]);
  });

  it('defaults to the current quarter in Paris', async () => {
    const body = await report(scene.adminHeaders, { networkId: scene.n.id });
    expect(body.period).toEqual(quarterOf(parisToday()));
    expect(body.months).toHaveLength(3);
  });
});

describe('who may read and change it', () => {
  it('only the network’s admins: a foreign admin is refused, a member too, nobody signed in is asked to', async () => {
    const url = `/api/admin/impact?networkId=${scene.n.id}`;
    expect((await t.app.inject({ method: 'GET', url, headers: scene.foreignHeaders })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url, headers: scene.memberHeaders })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const method = `/api/admin/impact/method?networkId=${scene.n.id}`;
    expect((await t.app.inject({ method: 'GET', url: method, headers: scene.foreignHeaders })).statusCode).toBe(403);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/impact/method',
      headers: scene.foreignHeaders,
      payload: { networkId: scene.n.id, substitutionRatePercent: 10 },
    });
    expect(patch.statusCode).toBe(403);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/impact/factors',
      headers: scene.foreignHeaders,
      payload: { networkId: scene.n.id, categoryId: 'outillage', kgCo2ePerItem: 1, source: 'x', estimated: true },
    });
    expect(put.statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, or a day out of range, with the field at fault', async () => {
    const backwards = await t.app.inject({
      method: 'GET',
      url: `/api/admin/impact?networkId=${scene.n.id}&from=2025-06-30&to=2025-04-01`,
      headers: scene.adminHeaders,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: 'validation_failed', details: [{ path: 'to', code: 'order' }] });
    const ancient = await t.app.inject({
      method: 'GET',
      url: `/api/admin/impact?networkId=${scene.n.id}&from=1899-12-31&to=2025-04-01`,
      headers: scene.adminHeaders,
    });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json()).toMatchObject({ details: [{ path: 'from' }] });
    const noTable = await t.app.inject({
      method: 'GET',
      url: `/api/admin/impact?networkId=${scene.n.id}&format=csv`,
      headers: scene.adminHeaders,
    });
    expect(noTable.statusCode).toBe(400);
    expect(noTable.json()).toMatchObject({ details: [{ path: 'table', code: 'required' }] });
  });
});

describe('the CSV export, for French Excel', () => {
  async function csv(table: string) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/admin/impact?${new URLSearchParams({ networkId: scene.n.id, ...period, format: 'csv', table })}`,
      headers: scene.adminHeaders,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  }

  it('UTF-8 with a BOM, « ; », CRLF, French headers, decimal commas, accents intact, formulas made inert', async () => {
    const response = await csv('reciprocity');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="mutua-impact-${scene.n.slug}-2025-04-01-2025-06-30-reciprocity.csv"`,
    );
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(
      'Structure;Membre du réseau;Prêts consentis;Services rendus;Jours d’utilisation prêtés;Valeur prêtée (€);Emprunts;Services reçus;Jours d’utilisation empruntés;Valeur empruntée (€)',
    );
    expect(lines).toHaveLength(5);
    // The formula: a leading « ' », and quoted because it holds « ; » and « " ».
    const suffix = scene.c.name.match(/Cliquez (\w+)/)![1];
    expect(lines[1]).toBe(`"'=HYPERLINK(""https://exemple.org"";""Cliquez ${suffix}"")";oui;0;2;0;0,00;3;0;52;1380,00`);
    expect(lines[2]).toBe(`${scene.a.name};oui;4;0;86;1005,00;0;1;0;0,00`);
    expect(lines[3]).toBe(`${scene.b.name};oui;1;0;6;600,00;1;1;30;150,00`);
    expect(lines[3]).toContain('Bêta');
    expect(lines[4]).toBe(`${scene.d.name};non;0;0;0;0,00;1;0;10;75,00`);
  });

  it('the totals, with the method beside each estimate', async () => {
    const text = (await csv('totals')).rawPayload.toString('utf8');
    expect(text).toContain(
      '\r\nAchats évités;802,50;€;valeur de remplacement × taux de substitution : 50 % (méthode Library of Things 2024)\r\n',
    );
    expect(text).toContain('\r\nÉmissions évitées;535,8;kg CO₂e;');
    expect(text).toContain('\r\nPart des premiers échanges;28,6;%;\r\n');
    expect(text).toContain('\r\nJours d’utilisation;92;jours;unités × jours du prêt\r\n');
  });

  it('months and categories, one row each, « sans facteur » where there is none', async () => {
    const months = (await csv('months')).rawPayload.toString('utf8').split('\r\n');
    expect(months[0]).toBe(
      '\uFEFFMois;Prêts d’objets;Services;Unités prêtées;Achats évités (€);Émissions évitées (kg CO₂e)',
    );
    expect(months.slice(1, 4)).toEqual([
      '2025-04;1;1;10;75,00;93,0',
      '2025-05;2;0;23;390,00;226,0',
      '2025-06;2;1;7;337,50;216,8',
    ]);
    const categories = (await csv('categories')).rawPayload.toString('utf8').split('\r\n');
    expect(categories[1]).toBe('Tonnelles;1;2;360,00;40,0;Événementiel;Estimation du réseau;oui;40,0');
    expect(categories[3]).toBe('Outillage;1;1;120,00;sans facteur;;;;');
  });
});

describe('the method: rate and factors, each change audited', () => {
  it('a new rate changes the figures and is recorded with its before and after', async () => {
    const { n } = scene;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/impact/method',
      headers: scene.adminHeaders,
      payload: { networkId: n.id, substitutionRatePercent: 25 },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ substitutionRatePercent: 25, explanation: 'library_of_things_2023' });
    const body = await report(scene.adminHeaders, { networkId: n.id, ...period });
    expect(body.totals.purchasesAvoidedCents).toBe(160500 / 4); // 40 125
    expect(body.totals.co2eAvoidedKg).toBe(267.9); // 1071.6 / 4
    const entries = await db()
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'network.settings_changed'), eq(auditEntries.targetId, n.id)));
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: scene.adminId,
        targetType: 'network',
        networkIds: [n.id],
        before: { substitutionRatePercent: 50 },
        after: { substitutionRatePercent: 25 },
      }),
    ]);
    // The same rate again: nothing changed, nothing recorded.
    await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/impact/method',
      headers: scene.adminHeaders,
      payload: { networkId: n.id, substitutionRatePercent: 25 },
    });
    const again = await db().select().from(auditEntries).where(eq(auditEntries.targetId, n.id));
    expect(again).toHaveLength(1);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/impact/method',
      headers: scene.adminHeaders,
      payload: { networkId: n.id, substitutionRatePercent: 50 },
    });
  });

  it('a factor created, then its source changed: each recorded with what changed only', async () => {
    const { n } = scene;
    const put = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/admin/impact/factors',
        headers: scene.adminHeaders,
        payload: { networkId: n.id, categoryId: 'outillage', ...payload },
      });
    const created = await put({ kgCo2ePerItem: 25.04, source: 'Estimation du réseau', estimated: true });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      category: outillage,
      kgCo2ePerItem: 25,
      source: 'Estimation du réseau',
      estimated: true,
    });
    const changed = await put({ kgCo2ePerItem: 25, source: 'ADEME, perceuse', estimated: true });
    expect(changed.statusCode).toBe(200);
    expect((await put({ kgCo2ePerItem: 25, source: 'ADEME, perceuse', estimated: true })).statusCode).toBe(200);
    const targetId = `${n.id}:outillage`;
    const entries = await db()
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.targetId, targetId), inArray(auditEntries.action, ['impact_factor.changed'])))
      .orderBy(auditEntries.id);
    expect(
      entries.map(({ actorId, targetType, networkIds, before, after }) => ({
        actorId,
        targetType,
        networkIds,
        before,
        after,
      })),
    ).toEqual([
      {
        actorId: scene.adminId,
        targetType: 'impact_factor',
        networkIds: [n.id],
        before: null,
        after: { kgCo2ePerItem: 25, source: 'Estimation du réseau', estimated: true },
      },
      {
        actorId: scene.adminId,
        targetType: 'impact_factor',
        networkIds: [n.id],
        before: { source: 'Estimation du réseau' },
        after: { source: 'ADEME, perceuse' },
      },
    ]);
    // The drill now has a factor: 1 × 25 × 50 % more, and nothing left without one.
    const body = await report(scene.adminHeaders, { networkId: n.id, ...period });
    expect(body.totals.co2eAvoidedKg).toBe(548.3); // (1071.6 + 25) / 2
    expect(body.withoutFactor).toEqual([]);

    const method = await t.app.inject({
      method: 'GET',
      url: `/api/admin/impact/method?networkId=${n.id}`,
      headers: scene.adminHeaders,
    });
    expect(method.statusCode).toBe(200);
    const described = method.json();
    expect(described.factors.map((factor: { category: { id: string } }) => factor.category.id)).toEqual([
      'evenementiel',
      'chaises',
      'outillage',
      'informatique',
    ]);
    expect(described.withoutFactor).toContainEqual({ category: tonnelles, inheritsFrom: evenementiel });
    expect(described.withoutFactor).toContainEqual({
      category: category('jardin', null, 'Jardin', 'Garden'),
      inheritsFrom: null,
    });
    // Back as it was for the other tests' arithmetic.
    await db().execute(sql`delete from impact_factors where network_id = ${n.id} and category_id = 'outillage'`);
  });

  it('refuses an unknown category or a blank source, writing nothing', async () => {
    const put = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/admin/impact/factors',
        headers: scene.adminHeaders,
        payload: { networkId: scene.n.id, kgCo2ePerItem: 3, estimated: true, source: 'x', ...payload },
      });
    const unknown = await put({ categoryId: 'licornes' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ details: [{ path: 'categoryId' }] });
    const blank = await put({ categoryId: 'jardin', source: '   ' });
    expect(blank.statusCode).toBe(400);
    const negative = await put({ categoryId: 'jardin', kgCo2ePerItem: -1 });
    expect(negative.statusCode).toBe(400);
    const entries = await db()
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.targetId, `${scene.n.id}:jardin`));
    expect(entries).toEqual([]);
  });
});
