import { describe, expect, it } from 'vitest';
import { makeItem, makeService, makeStructureWithManager, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Page = { items: Array<{ title: string }>; nextCursor: string | null };

/** Every page of a search, following nextCursor; fails on any answer but a 200. */
async function walk(path: string, query: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor = '';
  for (let page = 0; page < 10; page++) {
    const response = await t.app.inject({
      method: 'GET',
      url: `${path}?${query}${cursor ? `&cursor=${cursor}` : ''}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { items, nextCursor } = response.json<Page>();
    titles.push(...items.map((listing) => listing.title));
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return titles;
}

const januaryDay = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('the search that items, services and needs share', () => {
  it('pages through « relevance » without text as through « newest »: every listing once, newest first', async () => {
    const lender = (await makeStructureWithManager(db())).organisation.id;
    for (const day of [1, 2, 3]) {
      await makeItem(db(), { organisationId: lender, title: `Chaise ${day}`, createdAt: januaryDay(day) });
      await makeService(db(), { organisationId: lender, title: `Atelier ${day}`, createdAt: januaryDay(day) });
    }
    for (const path of ['/api/items', '/api/services']) {
      const newest = await walk(path, `organisation=${lender}&limit=1`);
      expect(newest).toHaveLength(3);
      expect(await walk(path, `organisation=${lender}&limit=1&sort=relevance`)).toEqual(newest);
    }
  });

  it('pages through needs in either sort, and refuses the cursor of one sort in the other', async () => {
    const seeker = await signedInStructure(t.app, db());
    for (const title of ['Une tonnelle', 'Deux tonnelles', 'Trois tonnelles']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/needs',
        headers: seeker.headers,
        payload: { kind: 'item', title, visibility: 'all' },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const mine = `organisation=${seeker.organisation.id}&limit=1`;
    expect(new Set(await walk('/api/needs', mine)).size).toBe(3);
    expect(new Set(await walk('/api/needs', `${mine}&q=tonnelle`)).size).toBe(3);

    const { nextCursor } = (await t.app.inject({ method: 'GET', url: `/api/needs?${mine}` })).json<Page>();
    const otherSort = await t.app.inject({ method: 'GET', url: `/api/needs?${mine}&q=tonnelle&cursor=${nextCursor}` });
    expect(otherSort.statusCode).toBe(400);
    expect(otherSort.json().details).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});
