import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../db/schema/organisations.ts';
import { parisToday } from '../domain/calendar-days.ts';
import {
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  moveBookingTo,
  signedInMember,
  signedInStructure,
  unitsFreeByDay,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Day = {
  date: string;
  unitsFree: number;
  bookable: boolean;
  handover: boolean;
  reason: string | null;
  blockedReason: string | null;
};

async function availability(itemId: string, query: string, headers?: Record<string, string>) {
  return t.app.inject({ method: 'GET', url: `/api/items/${itemId}/availability?${query}`, headers });
}

async function block(itemId: string, headers: Record<string, string> | undefined, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/items/${itemId}/blocked-periods`, headers, payload });
}

/** ISO weekday of a day, computed in UTC (no Paris rules involved). */
function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

describe('GET /api/items/:id/availability', () => {
  it('says, day by day, why a day cannot be booked: past, notice, blocked (and why), fully booked, beyond the horizon', async () => {
    const { lender, item } = await lendingScene(t.app, db(), {
      quantity: 1,
      minNoticeDays: 2,
      horizonDays: 10,
      handoverOpensAt: '09:00',
      handoverClosesAt: '18:30',
    });
    expect(
      (
        await block(item.id, lender.headers, {
          startDate: dayFromToday(4),
          endDate: dayFromToday(5),
          reason: 'internal_use',
          note: 'Notre fête',
        })
      ).statusCode,
    ).toBe(201);
    const borrower = await signedInStructure(t.app, db());
    const loan = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(7),
      endDate: dayFromToday(8),
    });
    await moveBookingTo(t.app, lender.headers, loan.id, 'accept');

    const response = await availability(item.id, `from=${dayFromToday(-2)}&to=${dayFromToday(12)}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      itemId: string;
      quantity: number;
      today: string;
      rules: Record<string, unknown>;
      days: Day[];
    }>();
    expect(body).toMatchObject({
      itemId: item.id,
      quantity: 1,
      today: parisToday(),
      rules: {
        minNoticeDays: 2,
        horizonDays: 10,
        minLoanDays: 1,
        maxLoanDays: null,
        bufferDays: 0,
        handoverWeekdays: [1, 2, 3, 4, 5, 6, 7],
        handoverOpensAt: '09:00',
        handoverClosesAt: '18:30',
        firstBookableDay: dayFromToday(2),
        lastBookableDay: dayFromToday(10),
      },
    });
    const expected: Array<[number, string | null, number, string | null]> = [
      [-2, 'past', 1, null],
      [-1, 'past', 1, null],
      [0, 'notice', 1, null],
      [1, 'notice', 1, null],
      [2, null, 1, null],
      [3, null, 1, null],
      [4, 'blocked', 1, 'internal_use'],
      [5, 'blocked', 1, 'internal_use'],
      [6, null, 1, null],
      [7, 'fully_booked', 0, null],
      [8, 'fully_booked', 0, null],
      [9, null, 1, null],
      [10, null, 1, null],
      [11, 'beyond_horizon', 1, null],
      [12, 'beyond_horizon', 1, null],
    ];
    expect(body.days.map((day) => [day.date, day.reason, day.unitsFree, day.blockedReason, day.bookable])).toEqual(
      expected.map(([offset, reason, unitsFree, blockedReason]) => [
        dayFromToday(offset),
        reason,
        unitsFree,
        blockedReason,
        reason === null,
      ]),
    );
  });

  it('marks the handover days of the lender (here Mondays and Fridays)', async () => {
    const { item } = await lendingScene(t.app, db(), { handoverWeekdays: [1, 5] });
    const days = (await availability(item.id, `from=${dayFromToday(1)}&to=${dayFromToday(14)}`)).json<{ days: Day[] }>()
      .days;
    expect(days).toHaveLength(14);
    expect(days.map((day) => [day.date, day.handover])).toEqual(
      days.map((day) => [day.date, [1, 5].includes(weekdayOf(day.date))]),
    );
    expect(days.filter((day) => day.handover)).toHaveLength(4);
    // Other days can still be inside a loan.
    expect(days.every((day) => day.bookable)).toBe(true);
  });

  it('counts the units free with three units and partial holds, for the quantity asked', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 3 });
    const [one, two] = [await signedInStructure(t.app, db()), await signedInStructure(t.app, db())];
    const big = await makeBooking(t.app, one.headers, {
      itemId: item.id,
      quantity: 2,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const small = await makeBooking(t.app, two.headers, {
      itemId: item.id,
      quantity: 1,
      startDate: dayFromToday(12),
      endDate: dayFromToday(14),
    });
    await moveBookingTo(t.app, lender.headers, big.id, 'accept');
    await moveBookingTo(t.app, lender.headers, small.id, 'accept');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(9), dayFromToday(15)))).toEqual([
      3, 1, 1, 0, 2, 2, 3,
    ]);

    const forTwo = (await availability(item.id, `from=${dayFromToday(9)}&to=${dayFromToday(15)}&quantity=2`)).json<{
      days: Day[];
    }>().days;
    expect(forTwo.map((day) => day.reason)).toEqual([
      null,
      'fully_booked',
      'fully_booked',
      'fully_booked',
      null,
      null,
      null,
    ]);
    const forOne = (await availability(item.id, `from=${dayFromToday(9)}&to=${dayFromToday(15)}`)).json<{
      days: Day[];
    }>().days;
    expect(forOne.map((day) => day.reason)).toEqual([null, null, null, 'fully_booked', null, null, null]);
  });

  it('answers at most 366 days at a time, in order', async () => {
    const { item } = await lendingScene(t.app, db());
    const year = await availability(item.id, `from=${dayFromToday(1)}&to=${dayFromToday(366)}`);
    expect(year.statusCode).toBe(200);
    expect(year.json().days).toHaveLength(366);
    const tooLong = await availability(item.id, `from=${dayFromToday(1)}&to=${dayFromToday(367)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({
      error: 'validation_failed',
      message: 'Demandez au plus 366 jours à la fois.',
      details: [{ path: 'to', code: 'range' }],
    });
    const reversed = await availability(item.id, `from=${dayFromToday(5)}&to=${dayFromToday(4)}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0].path).toBe('to');
    expect((await availability(item.id, 'from=14/06/2027')).statusCode).toBe(400);
    const tooMany = await availability(item.id, `from=${dayFromToday(1)}&to=${dayFromToday(5)}&quantity=2`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({
      error: 'validation_failed',
      message: 'Ce matériel n’a qu’une unité.',
      details: [{ path: 'quantity' }],
    });
    // Without `to`, a month from `from`.
    expect((await availability(item.id, `from=${dayFromToday(1)}`)).json().days).toHaveLength(31);
  });

  it('hides the calendar of an item others cannot see (404), not from its own structure', async () => {
    for (const status of ['draft', 'hidden'] as const) {
      const { lender, item } = await lendingScene(t.app, db(), { status });
      const stranger = await signedInStructure(t.app, db());
      const query = `from=${dayFromToday(1)}&to=${dayFromToday(2)}`;
      const refused = await availability(item.id, query, stranger.headers);
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toMatchObject({ error: 'not_found', message: 'Objet introuvable.' });
      expect((await availability(item.id, query)).statusCode).toBe(404);
      expect((await availability(item.id, query, lender.headers)).statusCode).toBe(200);
    }
    const { lender, item } = await lendingScene(t.app, db(), { visibility: 'networks' });
    const query = `from=${dayFromToday(1)}&to=${dayFromToday(2)}`;
    expect((await availability(item.id, query)).statusCode).toBe(404);
    const neighbour = await signedInStructure(t.app, db(), { networkId: lender.networkId });
    expect((await availability(item.id, query, neighbour.headers)).statusCode).toBe(200);
  });
});

describe('blocked periods', () => {
  it('are added, listed and removed by the item’s editors, and show on the calendar meanwhile', async () => {
    const { lender, item } = await lendingScene(t.app, db());
    const member = await signedInMember(t.app, db(), lender.organisation.id);
    const created = await block(item.id, member.headers, {
      startDate: dayFromToday(20),
      endDate: dayFromToday(22),
      reason: 'repair',
      note: '  Toile à recoudre ',
    });
    expect(created.statusCode, created.body).toBe(201);
    const period = created.json<{ id: string }>();
    expect(period).toEqual({
      id: expect.any(String),
      startDate: dayFromToday(20),
      endDate: dayFromToday(22),
      reason: 'repair',
      note: 'Toile à recoudre',
    });

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/items/${item.id}/blocked-periods`,
      headers: lender.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([period]);
    const days = (await availability(item.id, `from=${dayFromToday(19)}&to=${dayFromToday(23)}`)).json<{
      days: Day[];
    }>().days;
    expect(days.map((day) => day.blockedReason)).toEqual([null, 'repair', 'repair', 'repair', null]);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/items/${item.id}/blocked-periods/${period.id}`,
      headers: lender.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({ method: 'GET', url: `/api/items/${item.id}/blocked-periods`, headers: lender.headers })
      ).json(),
    ).toEqual([]);
    const free = (await availability(item.id, `from=${dayFromToday(19)}&to=${dayFromToday(23)}`)).json<{
      days: Day[];
    }>().days;
    expect(free.every((day) => day.reason === null && day.blockedReason === null)).toBe(true);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/items/${item.id}/blocked-periods/${period.id}`,
      headers: lender.headers,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe('Période introuvable.');
  });

  it('are out of reach of other structures (403 when they see the item), anonymous callers (401) and a structure not approved (403)', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db());
    const period = (
      await block(item.id, lender.headers, { startDate: dayFromToday(20), endDate: dayFromToday(21), reason: 'closed' })
    ).json<{ id: string }>();
    const payload = { startDate: dayFromToday(30), endDate: dayFromToday(31), reason: 'closed' };
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/items/${item.id}/blocked-periods`, headers: borrower.headers }))
        .statusCode,
    ).toBe(403);
    const create = await block(item.id, borrower.headers, payload);
    expect(create.statusCode).toBe(403);
    expect(create.json().error).toBe('forbidden');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/items/${item.id}/blocked-periods/${period.id}`,
          headers: borrower.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect((await block(item.id, undefined, payload)).statusCode).toBe(401);

    // A period of one item cannot be removed through another one.
    const otherItem = await makeItem(db(), { organisationId: lender.organisation.id });
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/items/${otherItem.id}/blocked-periods/${period.id}`,
          headers: lender.headers,
        })
      ).statusCode,
    ).toBe(404);

    await db().update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, lender.organisation.id));
    const suspended = await block(item.id, lender.headers, payload);
    expect(suspended.statusCode).toBe(403);
    expect(suspended.json().error).toBe('organisation_not_active');
    await db().update(organisations).set({ status: 'active' }).where(eq(organisations.id, lender.organisation.id));
    const periods = (
      await t.app.inject({ method: 'GET', url: `/api/items/${item.id}/blocked-periods`, headers: lender.headers })
    ).json<Array<{ id: string }>>();
    expect(periods.map((p) => p.id)).toEqual([period.id]);
  });

  it('refuses a period that ends before it starts', async () => {
    const { lender, item } = await lendingScene(t.app, db());
    const response = await block(item.id, lender.headers, {
      startDate: dayFromToday(10),
      endDate: dayFromToday(9),
      reason: 'closed',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'validation_failed',
      details: [{ path: 'endDate', code: 'order' }],
    });
    const unknownReason = await block(item.id, lender.headers, {
      startDate: dayFromToday(9),
      endDate: dayFromToday(10),
      reason: 'holidays',
    });
    expect(unknownReason.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({ method: 'GET', url: `/api/items/${item.id}/blocked-periods`, headers: lender.headers })
      ).json(),
    ).toEqual([]);
  });
});

describe('GET /api/items by dates (« dates first »)', () => {
  it('finds the items free for the whole loan, in the quantity asked, and leaves out the others', async () => {
    const lender = await signedInStructure(t.app, db());
    const organisationId = lender.organisation.id;
    const start = dayFromToday(14);
    const end = dayFromToday(15);
    const item = (title: string, rules: Record<string, unknown> = {}) =>
      makeItem(db(), { organisationId, title, ...rules });
    const free = await item('Libre');
    const waitedFor = await item('Demandé seulement');
    const booked = await item('Déjà prêté');
    const blocked = await item('Bloqué');
    const resting = await item('Au repos après un prêt', { bufferDays: 2 });
    const restingBefore = await item('Au repos avant un prêt', { bufferDays: 2 });
    const partly = await item('Trois tables', { quantity: 3 });
    await item('Préavis trop long', { minNoticeDays: 20 });
    await item('Prêt trop court pour lui', { minLoanDays: 5 });
    await item('Au-delà de l’horizon', { horizonDays: 14 });
    await item('Pas de retrait ce jour-là', {
      handoverWeekdays: [1, 2, 3, 4, 5, 6, 7].filter((day) => day !== weekdayOf(start)),
    });

    const borrower = await signedInStructure(t.app, db());
    await makeBooking(t.app, borrower.headers, { itemId: waitedFor.id, startDate: start, endDate: end });
    for (const [itemId, startDate, endDate, quantity] of [
      [booked.id, dayFromToday(15), dayFromToday(16), 1],
      [resting.id, dayFromToday(12), dayFromToday(13), 1],
      // Lent from two days after the end: the loan asked for would still be resting then.
      [restingBefore.id, dayFromToday(17), dayFromToday(18), 1],
      [partly.id, dayFromToday(13), dayFromToday(14), 1],
    ] as const) {
      const loan = await makeBooking(t.app, borrower.headers, { itemId, startDate, endDate, quantity });
      await moveBookingTo(t.app, lender.headers, loan.id, 'accept');
    }
    expect(
      (
        await block(blocked.id, lender.headers, {
          startDate: dayFromToday(15),
          endDate: dayFromToday(20),
          reason: 'repair',
        })
      ).statusCode,
    ).toBe(201);

    const search = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/items?organisation=${organisationId}&${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response
        .json<{ items: Array<{ title: string }> }>()
        .items.map((found) => found.title)
        .sort();
    };
    expect(await search(`available_from=${start}&available_to=${end}`)).toEqual(
      [free.title, waitedFor.title, partly.title].sort(),
    );
    expect(await search(`available_from=${start}&available_to=${end}&quantity=2`)).toEqual([partly.title]);
    expect(await search(`available_from=${start}&available_to=${end}&quantity=3`)).toEqual([]);
    // Without dates, every item is found.
    expect(await search('limit=50')).toHaveLength(11);
    // A day earlier, the rest before the next loan is over in time.
    expect(await search(`available_from=${dayFromToday(13)}&available_to=${dayFromToday(14)}`)).toContain(
      restingBefore.title,
    );
  });

  it.each([
    ['only the first day', () => `available_from=${dayFromToday(5)}`, 'available_to'],
    ['only the last day', () => `available_to=${dayFromToday(5)}`, 'available_from'],
    ['a quantity without dates', () => 'quantity=2', 'quantity'],
    ['days in reverse', () => `available_from=${dayFromToday(6)}&available_to=${dayFromToday(5)}`, 'available_to'],
    ['days in the past', () => `available_from=${dayFromToday(-3)}&available_to=${dayFromToday(-1)}`, 'available_from'],
  ])('refuses %s (400 naming the field)', async (_case, query, field) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/items?${query()}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', details: [{ path: field }] });
  });
});
