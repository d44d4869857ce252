import { describe, expect, it } from 'vitest';
import {
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  makeService,
  signedInStructure,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { encodeCursor } from './cursor.ts';

const t = useTestApp();
const db = () => t.connection.db;

const someId = '8c4b8f3e-2d1a-4c5b-9e7f-0a1b2c3d4e5f';
const createdKey = '2027-03-28T10:00:00.123456Z';

/** A 400 whose details name the cursor. */
function expectCursorRefused(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBe(400);
  const body = JSON.parse(response.body) as { error: string; details?: Array<{ path: string }> };
  expect(body.error).toBe('validation_failed');
  expect(body.details?.map((detail) => detail.path)).toContain('cursor');
}

async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers });
}

/** Wrong types or values inside a cursor that is otherwise well-formed base64url JSON of the right length. */
const craftedSearchCursors = [
  ['newest', '1', someId], // Date.parse reads "1" as the year 2001; PostgreSQL does not
  ['newest', 'Tue 1 Jan', someId],
  ['newest', '0000-01-01T00:00:00.000000Z', someId], // no year 0 in PostgreSQL
  ['newest', createdKey, 'not-a-uuid'],
  ['relevance', 'beaucoup', someId],
  ['distance', '12.5', 42],
  ['oldest', createdKey, someId],
  [1, 2, 3],
];

describe('crafted pagination cursors are a 400 naming `cursor`, never a 500', () => {
  it.each([['/api/items'], ['/api/services'], ['/api/needs']])('%s', async (list) => {
    for (const key of craftedSearchCursors) expectCursorRefused(await get(`${list}?cursor=${encodeCursor(key)}`));
    expectCursorRefused(await get(`${list}?cursor=not-base64-json`));
  });

  it('the directory of structures', async () => {
    for (const key of [
      ['Épicerie', 'not-a-uuid'],
      ['Épicerie', 42],
      ['Épicerie\u0000', someId],
      ['', someId],
    ])
      expectCursorRefused(await get(`/api/organisations?cursor=${encodeCursor(key)}`));
  });

  it('bookings', async () => {
    const borrower = await signedInStructure(t.app, db());
    for (const key of [
      ['0000-01-01T00:00:00.000000Z', someId],
      ['2027-02-30T10:00:00.000000Z', someId],
      ['2027-03-28T10:00:00Z', someId],
      [createdKey, 'not-a-uuid'],
    ])
      expectCursorRefused(await get(`/api/bookings?as=borrower&cursor=${encodeCursor(key)}`, borrower.headers));
  });
});

describe('the cursors the API writes still lead to the next page', () => {
  it('items, services and needs, by each sort', async () => {
    const lender = await signedInStructure(t.app, db());
    const organisationId = lender.organisation.id;
    for (const title of ['Tonnelle pliante', 'Tonnelle de jardin']) {
      await makeItem(db(), { organisationId, title });
      await makeService(db(), { organisationId, title: `${title} : montage` });
    }
    for (const title of ['Une tonnelle', 'Deux tonnelles'])
      await t.app.inject({
        method: 'POST',
        url: '/api/needs',
        headers: lender.headers,
        payload: { kind: 'item', title, categoryId: 'tonnelles', visibility: 'all' },
      });
    for (const list of ['/api/items', '/api/services', '/api/needs']) {
      for (const query of ['', '&q=tonnelle', '&sort=newest&q=tonnelle']) {
        const url = `${list}?organisation=${organisationId}&limit=1${query}`;
        const first = await get(url);
        expect(first.statusCode, first.body).toBe(200);
        const cursor = first.json<{ nextCursor: string | null }>().nextCursor;
        expect(cursor, `${url} has a second page`).toEqual(expect.any(String));
        const second = await get(`${url}&cursor=${cursor}`);
        expect(second.statusCode, second.body).toBe(200);
        expect(second.json<{ items: unknown[] }>().items).toHaveLength(1);
      }
    }
  });

  it('items by distance', async () => {
    const lender = await signedInStructure(t.app, db());
    const organisationId = lender.organisation.id;
    await makeItem(db(), { organisationId, latitude: 50.63, longitude: 3.06 });
    await makeItem(db(), { organisationId, latitude: 50.64, longitude: 3.07 });
    const url = `/api/items?organisation=${organisationId}&near=Lille&sort=distance&limit=1`;
    const first = await get(url);
    expect(first.statusCode, first.body).toBe(200);
    const second = await get(`${url}&cursor=${first.json<{ nextCursor: string }>().nextCursor}`);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('the directory of structures', async () => {
    await signedInStructure(t.app, db());
    await signedInStructure(t.app, db());
    const first = await get('/api/organisations?limit=1');
    const second = await get(`/api/organisations?limit=1&cursor=${first.json<{ nextCursor: string }>().nextCursor}`);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<{ organisations: unknown[] }>().organisations).toHaveLength(1);
  });

  it('bookings', async () => {
    const { borrower, item } = await lendingScene(t.app, db());
    await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(8),
      endDate: dayFromToday(9),
    });
    await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(15),
      endDate: dayFromToday(16),
    });
    const first = await get('/api/bookings?as=borrower&limit=1', borrower.headers);
    const cursor = first.json<{ nextCursor: string }>().nextCursor;
    const second = await get(`/api/bookings?as=borrower&limit=1&cursor=${cursor}`, borrower.headers);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});
