import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeService, makeStructureWithManager } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Page = { items: Array<{ title: string }> };
async function titlesOf(path: string, query: string): Promise<string[]> {
  const response = await t.app.inject({ method: 'GET', url: `${path}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page>().items.map((listing) => listing.title);
}

describe('search that forgives: prefixes, compounds, typos', () => {
  let lender: string;
  const find = (q: string) => titlesOf('/api/items', `organisation=${lender}&q=${encodeURIComponent(q)}`);
  beforeAll(async () => {
    lender = (await makeStructureWithManager(db())).organisation.id;
    for (const title of [
      'Sonorisation portable 200 W',
      'Vidéoprojecteur Full HD',
      'Perceuse-visseuse sans fil',
      'Vélo cargo électrique',
      'Tonnelle 3x3',
      'Lot de vaisselle',
      'Ordinateur portable',
      "Panneaux d'exposition",
      'Remorque de vélo',
    ]) {
      await makeItem(db(), { organisationId: lender, title });
    }
  });

  it.each([
    ['sono', 'Sonorisation portable 200 W'],
    ['ordi', 'Ordinateur portable'],
    ['expo', "Panneaux d'exposition"],
    ['Vidéoproj', 'Vidéoprojecteur Full HD'],
  ])('« %s », a word being typed, finds « %s »', async (q, title) => {
    expect(await find(q)).toContain(title);
  });

  it.each([
    ['projecteur', 'Vidéoprojecteur Full HD'],
    ['visseuse', 'Perceuse-visseuse sans fil'],
    ['vélos-cargos', 'Vélo cargo électrique'],
    ['perceuse visseuse', 'Perceuse-visseuse sans fil'],
  ])('« %s » finds the word inside « %s »', async (q, title) => {
    expect(await find(q)).toContain(title);
  });

  it.each([
    ['tonelle', 'Tonnelle 3x3'],
    ['vaiselle', 'Lot de vaisselle'],
    ['Sonorsation', 'Sonorisation portable 200 W'],
    ['ordinatuer portabel', 'Ordinateur portable'],
  ])('« %s », with a letter or two wrong, finds « %s »', async (q, title) => {
    expect(await find(q)).toContain(title);
  });

  it('keeps every word required, stop words and elisions aside', async () => {
    expect(await find('remorque de vélo')).toEqual(['Remorque de vélo']);
    expect(await find("panneau d'expo")).toEqual(["Panneaux d'exposition"]);
    expect(await find('tonelle vaiselle')).toEqual([]);
  });

  it('finds nothing for a word that is nowhere nor for punctuation, and passes over symbols', async () => {
    expect(await find('hélicoptère')).toEqual([]);
    expect(await find('« ! »')).toEqual([]);
    expect(await find('⑴⑵ tonnelle ½½')).toEqual(['Tonnelle 3x3']);
  });
});

describe('ranking', () => {
  it('puts the word as typed above its stem, above a longer word it begins, above a near spelling', async () => {
    const lender = (await makeStructureWithManager(db())).organisation.id;
    for (const title of ['Tondeuse élecrique', 'Électroménager de salle', 'Kit électricité', 'Vélo électrique']) {
      await makeItem(db(), { organisationId: lender, title });
    }
    expect(await titlesOf('/api/items', `organisation=${lender}&q=electrique`)).toEqual([
      'Vélo électrique',
      'Kit électricité',
      'Électroménager de salle',
      'Tondeuse élecrique',
    ]);
  });
});

describe('what a forgiving match may show', () => {
  it('never reveals a draft, a hidden, an archived or a members-only listing, whatever the kind of match', async () => {
    const lender = (await makeStructureWithManager(db())).organisation.id;
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle publique' });
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle brouillon', status: 'draft' });
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle masquée', status: 'hidden' });
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle archivée', status: 'archived' });
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle en attente', status: 'pending_review' });
    await makeItem(db(), { organisationId: lender, title: 'Tonnelle du réseau', visibility: 'networks' });
    for (const q of ['tonnelle', 'tonn', 'tonelle', 'onnelle', 'tonnele']) {
      expect(await titlesOf('/api/items', `organisation=${lender}&q=${q}`), q).toEqual(['Tonnelle publique']);
    }
  });
});

describe('services and needs forgive too', () => {
  it('finds a service by a misspelt word and by a prefix', async () => {
    const lender = (await makeStructureWithManager(db())).organisation.id;
    await makeService(db(), { organisationId: lender, title: 'Facilitation de réunions' });
    for (const q of ['facilitaton', 'facil', 'reunion']) {
      expect(await titlesOf('/api/services', `organisation=${lender}&q=${q}`), q).toEqual(['Facilitation de réunions']);
    }
  });
});
