import { describe, expect, it } from 'vitest';
import {
  type BookingDetail,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  moveBookingTo,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Page = { items: BookingDetail[]; nextCursor: string | null };

async function list(headers: Record<string, string>, query: string) {
  return t.app.inject({ method: 'GET', url: `/api/bookings?${query}`, headers });
}

/** A borrower with five requests to one lender (one of them accepted), newest last. */
async function fiveRequests() {
  const scene = await lendingScene(t.app, db(), { quantity: 5 });
  const made: BookingDetail[] = [];
  for (let index = 0; index < 5; index += 1) {
    const item =
      index === 0 ? scene.item : await makeItem(db(), { organisationId: scene.lender.organisation.id, quantity: 1 });
    made.push(
      await makeBooking(t.app, scene.borrower.headers, {
        itemId: item.id,
        startDate: dayFromToday(10 + index),
        endDate: dayFromToday(11 + index),
      }),
    );
  }
  await moveBookingTo(t.app, scene.lender.headers, made[2]!.id, 'accept');
  return { ...scene, made };
}

describe('GET /api/bookings', () => {
  it('pages through a structure’s requests, newest first, each once', async () => {
    const { borrower, made } = await fiveRequests();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await list(borrower.headers, `as=borrower&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page: Page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((booking) => booking.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((booking) => booking.id).reverse());
  });

  it('filters by status and by side', async () => {
    const { lender, borrower, made } = await fiveRequests();
    const accepted: Page = (await list(lender.headers, 'as=lender&status=accepted')).json();
    expect(accepted.items.map((booking) => booking.id)).toEqual([made[2]!.id]);
    // The lender borrowed nothing; the borrower lent nothing.
    expect((await list(lender.headers, 'as=borrower')).json<Page>().items).toEqual([]);
    expect((await list(borrower.headers, 'as=lender')).json<Page>().items).toEqual([]);
  });

  it.each([
    ['not base64 JSON', 'pas-un-curseur'],
    [
      'a number for the date',
      Buffer.from(JSON.stringify(['1', '00000000-0000-0000-0000-000000000000'])).toString('base64url'),
    ],
    [
      'an impossible date',
      Buffer.from(JSON.stringify(['2026-02-30T10:00:00.000000Z', '00000000-0000-0000-0000-000000000000'])).toString(
        'base64url',
      ),
    ],
    [
      'dashes for the id',
      Buffer.from(JSON.stringify(['2026-02-03T10:00:00.000000Z', '-'.repeat(36)])).toString('base64url'),
    ],
  ])('refuses a cursor that is %s with a 400', async (_case, cursor) => {
    const { borrower } = await fiveRequests();
    const response = await list(borrower.headers, `as=borrower&cursor=${cursor}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', details: [{ path: 'cursor' }] });
  });
});
