import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  makeItem,
  makeNetwork,
  makeOrganisation,
  makeStructureWithManager,
  makeUser,
  signIn,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Page = { items: Array<{ id: string; title: string; distanceKm: number | null }>; nextCursor: string | null };
async function search(query: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await t.app.inject({ method: 'GET', url: `/api/items?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const titles = (page: Page) => page.items.map((item) => item.title);

describe('French full-text search', () => {
  let lender: string;
  beforeAll(async () => {
    lender = (await makeStructureWithManager(db())).organisation.id;
    for (const [title, categoryId, description] of [
      ['Vélo cargo électrique', 'velos-cargos', 'Biporteur avec caisse en bois'],
      ['Tonnelle 3x3', 'tonnelles', 'Toile blanche'],
      ['Scie sauteuse', 'outillage', 'Lames bois et métal'],
      ["Panneaux d'exposition", 'panneaux', 'Grilles sur pieds'],
      ['Remorque de vélo', 'remorques', 'Attelage universel'],
      ['Caisse à outils', 'outillage', 'Pour réparer une remorque'],
    ] as const) {
      await makeItem(db(), { organisationId: lender, title, categoryId, description });
    }
  });
  const inLender = (q: string) => search(`organisation=${lender}&q=${encodeURIComponent(q)}`);

  it.each([
    ['velo', 'Vélo cargo électrique'],
    ['VELOS CARGOS', 'Vélo cargo électrique'],
    ['électriques', 'Vélo cargo électrique'],
    ['tonnelles', 'Tonnelle 3x3'],
    ['Tonnelle', 'Tonnelle 3x3'],
    ['panneau', "Panneaux d'exposition"],
    ['scies sauteuses', 'Scie sauteuse'],
    ['biporteurs', 'Vélo cargo électrique'],
  ])('« %s » finds « %s » (accents, case, plural and stemming ignored)', async (q, title) => {
    expect(titles(await inLender(q))).toContain(title);
  });

  it('finds items by the name of their category or its family', async () => {
    expect(titles(await inLender('outillage')).sort()).toEqual(['Caisse à outils', 'Scie sauteuse']);
    expect(titles(await inLender('événementiel'))).toEqual(['Tonnelle 3x3']);
  });

  it('ranks a title match above a description match', async () => {
    expect(titles(await inLender('remorque'))).toEqual(['Remorque de vélo', 'Caisse à outils']);
  });

  it('finds nothing for words that are nowhere', async () => {
    expect((await inLender('hélicoptère')).items).toEqual([]);
  });
});

describe('filters and sorting', () => {
  let lender: string;
  beforeAll(async () => {
    lender = (await makeStructureWithManager(db())).organisation.id;
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle lilloise', categoryId: 'tonnelles' });
    await makeItem(db(), {
      organisationId: lender,
      title: 'Tonnelle amiénoise',
      categoryId: 'tonnelles',
      pickupCity: 'Amiens',
      pickupPostcode: '80000',
      territoryCode: '80',
      latitude: 49.8942,
      longitude: 2.2958,
    });
    await makeItem(db(), { organisationId: lender, title: 'Perceuse lilloise', categoryId: 'outillage' });
  });

  it('filters by category, a family including its sub-categories', async () => {
    expect(titles(await search(`organisation=${lender}&category=evenementiel`)).sort()).toEqual([
      'Tonnelle amiénoise',
      'Tonnelle lilloise',
    ]);
    expect(titles(await search(`organisation=${lender}&category=outillage`))).toEqual(['Perceuse lilloise']);
  });

  it('filters by département', async () => {
    expect(titles(await search(`organisation=${lender}&territory=80`))).toEqual(['Tonnelle amiénoise']);
  });

  it('finds what is near a commune, nearest first, with the distance', async () => {
    const nearAmiens = await search(`organisation=${lender}&near=amiens&radius_km=20`);
    expect(titles(nearAmiens)).toEqual(['Tonnelle amiénoise']);
    expect(nearAmiens.items[0]!.distanceKm).toBeLessThan(1);
    const byDistance = await search(`organisation=${lender}&near=80021&radius_km=150&sort=distance`);
    expect(titles(byDistance)[0]).toBe('Tonnelle amiénoise');
    expect(byDistance.items[1]!.distanceKm).toBeGreaterThan(90);
    expect(byDistance.items[1]!.distanceKm).toBeLessThan(120);
  });

  it('refuses an unknown commune, distance without a commune, and malformed filters', async () => {
    for (const query of [
      'category=fusees',
      'near=Atlantis',
      'sort=distance',
      'territory=Nord',
      'category=Tonnelles!',
      'radius_km=-5',
      'limit=500',
      'sort=price',
      'colour=red',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/items?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toBe('validation_failed');
    }
  });
});

describe('cursor pagination', () => {
  it('walks every result once, newest first or by relevance', async () => {
    const lender = (await makeStructureWithManager(db())).organisation.id;
    for (let index = 0; index < 5; index++) {
      await makeItem(db(), {
        organisationId: lender,
        title: `Chaise pliante modèle ${index}`,
        categoryId: 'chaises',
        createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
      });
    }
    for (const extra of ['', '&q=chaises']) {
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 5; page++) {
        const result = await search(`organisation=${lender}&limit=2${extra}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...titles(result));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      if (!extra) expect(seen[0]).toBe('Chaise pliante modèle 4');
    }
  });

  it('refuses a cursor that does not belong to the search', async () => {
    const lender = (await makeStructureWithManager(db())).organisation.id;
    for (let index = 0; index < 3; index++) await makeItem(db(), { organisationId: lender, title: `Table ${index}` });
    const { nextCursor } = await search(`organisation=${lender}&limit=1`);
    const otherSort = await t.app.inject({
      method: 'GET',
      url: `/api/items?organisation=${lender}&q=table&cursor=${nextCursor}`,
    });
    expect(otherSort.statusCode).toBe(400);
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/items?cursor=${Buffer.from('["newest","yesterday","x"]').toString('base64url')}`,
    });
    expect(forged.statusCode).toBe(400);
  });
});

describe('what search never shows', () => {
  it('keeps drafts, hidden, archived and pending-review listings out, and those of suspended or pending structures', async () => {
    const network = await makeNetwork(db());
    const lender = await makeOrganisation(db(), { networkId: network.id });
    for (const status of ['draft', 'pending_review', 'hidden', 'archived'] as const) {
      await makeItem(db(), { organisationId: lender.id, title: `Marteau ${status}`, status });
    }
    await makeItem(db(), { organisationId: lender.id, title: 'Marteau publié' });
    expect(titles(await search(`organisation=${lender.id}`))).toEqual(['Marteau publié']);
    for (const status of ['suspended', 'pending', 'rejected'] as const) {
      const other = await makeOrganisation(db(), { networkId: network.id, status });
      await makeItem(db(), { organisationId: other.id, title: 'Marteau caché' });
      expect((await search(`organisation=${other.id}`)).items).toEqual([]);
    }
  });

  it('shows "my networks" listings to the approved structures of the owner’s networks only', async () => {
    const network = await makeNetwork(db());
    const lender = await makeOrganisation(db(), { networkId: network.id });
    const item = await makeItem(db(), { organisationId: lender.id, title: 'Sono du réseau', visibility: 'networks' });
    const query = `organisation=${lender.id}`;

    expect((await search(query)).items).toEqual([]);
    const neighbour = await makeStructureWithManager(db(), { networkId: network.id });
    expect(titles(await search(query, await signIn(t.app, neighbour.manager.email)))).toEqual(['Sono du réseau']);
    const stranger = await makeStructureWithManager(db());
    expect((await search(query, await signIn(t.app, stranger.manager.email))).items).toEqual([]);
    const pendingNeighbour = await makeStructureWithManager(db(), { networkId: network.id, status: 'pending' });
    expect((await search(query, await signIn(t.app, pendingNeighbour.manager.email))).items).toEqual([]);

    const page = await t.app.inject({
      method: 'GET',
      url: `/api/items/${item.id}`,
      headers: await signIn(t.app, stranger.manager.email),
    });
    expect(page.statusCode).toBe(404);
    const own = await makeUser(db());
    await addMember(db(), own.id, lender.id, 'member');
    const ownPage = await t.app.inject({
      method: 'GET',
      url: `/api/items/${item.id}`,
      headers: await signIn(t.app, own.email),
    });
    expect(ownPage.json()).toMatchObject({ title: 'Sono du réseau', viewer: { canEdit: true } });
  });
});
