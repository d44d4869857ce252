import { describe, expect, it } from 'vitest';
import {
  type BookingDetail,
  dayFromToday,
  lendingScene,
  makeBooking,
  moveBookingTo,
  signedInStructure,
  unitsFreeByDay,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function seen(headers: Record<string, string>, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/bookings/${id}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BookingDetail>();
}

/** Other structures asking for the same item, each signed in. */
async function borrowers(count: number) {
  return Promise.all(Array.from({ length: count }, () => signedInStructure(t.app, db())));
}

describe('competing requests for the same item', () => {
  it('declines the overlapping request, with the reason, when accepting one takes the only unit', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 1 });
    const [first, second, later] = await borrowers(3);
    const chosen = await makeBooking(t.app, first!.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const competing = await makeBooking(t.app, second!.headers, {
      itemId: item.id,
      startDate: dayFromToday(12),
      endDate: dayFromToday(14),
    });
    const afterwards = await makeBooking(t.app, later!.headers, {
      itemId: item.id,
      startDate: dayFromToday(13),
      endDate: dayFromToday(15),
    });

    await moveBookingTo(t.app, lender.headers, chosen.id, 'accept');

    const declined = await seen(second!.headers, competing.id);
    expect(declined).toMatchObject({
      status: 'declined',
      answer: null,
      declineCode: 'dates_taken',
      expiresAt: null,
      viewer: { role: 'borrower', actions: [] },
    });
    expect(declined.events.at(-1)).toMatchObject({
      action: 'decline',
      fromStatus: 'requested',
      toStatus: 'declined',
      party: 'system',
      actor: null,
      note: null,
      reasonCode: 'dates_taken',
    });
    // The request on the days after the loan is not in the way: still waiting.
    expect((await seen(later!.headers, afterwards.id)).status).toBe('requested');
    expect((await seen(lender.headers, chosen.id)).status).toBe('accepted');
  });

  it('with two units and three requests of one, declines the third only after the second acceptance', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 2 });
    const people = await borrowers(3);
    const requests: BookingDetail[] = [];
    for (const person of people)
      requests.push(
        await makeBooking(t.app, person.headers, {
          itemId: item.id,
          startDate: dayFromToday(10),
          endDate: dayFromToday(11),
        }),
      );
    const [one, two, three] = requests as [BookingDetail, BookingDetail, BookingDetail];

    await moveBookingTo(t.app, lender.headers, one.id, 'accept');
    expect((await seen(people[1]!.headers, two.id)).status).toBe('requested');
    expect((await seen(people[2]!.headers, three.id)).status).toBe('requested');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(10), dayFromToday(11)))).toEqual([1, 1]);

    await moveBookingTo(t.app, lender.headers, two.id, 'accept');
    expect(await seen(people[2]!.headers, three.id)).toMatchObject({
      status: 'declined',
      answer: null,
      declineCode: 'dates_taken',
    });
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(10), dayFromToday(11)))).toEqual([0, 0]);

    const third = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${three.id}/accept`,
      headers: lender.headers,
      payload: {},
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toBe('booking_out_of_order');
  });

  it('leaves requests on other days, or for other items, waiting', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 1 });
    const other = await lendingScene(t.app, db(), { quantity: 1 });
    const [first, second, third] = await borrowers(3);
    const chosen = await makeBooking(t.app, first!.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const before = await makeBooking(t.app, second!.headers, {
      itemId: item.id,
      startDate: dayFromToday(7),
      endDate: dayFromToday(9),
    });
    const elsewhere = await makeBooking(t.app, third!.headers, {
      itemId: other.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await moveBookingTo(t.app, lender.headers, chosen.id, 'accept');
    expect((await seen(second!.headers, before.id)).status).toBe('requested');
    expect((await seen(third!.headers, elsewhere.id)).status).toBe('requested');
    // And either can still be accepted.
    expect((await moveBookingTo(t.app, lender.headers, before.id, 'accept')).status).toBe('accepted');
  });

  it('declines a request for more units than the acceptance leaves', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 2 });
    const [first, second] = await borrowers(2);
    const both = await makeBooking(t.app, first!.headers, {
      itemId: item.id,
      quantity: 2,
      startDate: dayFromToday(10),
      endDate: dayFromToday(10),
    });
    const one = await makeBooking(t.app, second!.headers, {
      itemId: item.id,
      quantity: 1,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await moveBookingTo(t.app, lender.headers, one.id, 'accept');
    expect(await seen(first!.headers, both.id)).toMatchObject({
      status: 'declined',
      answer: null,
      declineCode: 'dates_taken',
    });
  });

  it('refuses to accept on days the lender has blocked since the request (409), naming the period', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), { title: 'Barnum' });
    const booking = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const blocked = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/blocked-periods`,
      headers: lender.headers,
      payload: { startDate: dayFromToday(12), endDate: dayFromToday(13), reason: 'closed' },
    });
    expect(blocked.statusCode).toBe(201);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/accept`,
      headers: lender.headers,
      payload: {},
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json()).toMatchObject({
      error: 'item_unavailable',
      message: expect.stringMatching(
        /^Vous avez bloqué « Barnum » du .* \(fermeture\) : débloquez ces jours pour accepter\.$/,
      ),
    });
    expect((await seen(lender.headers, booking.id)).status).toBe('requested');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(10), dayFromToday(11)))).toEqual([1, 1]);
  });
});

describe('the buffer between two loans', () => {
  it('keeps the days after a loan free for the buffer: a request starting the next day is refused', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), {
      quantity: 1,
      bufferDays: 2,
      title: 'Sono portable',
    });
    const loan = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await moveBookingTo(t.app, lender.headers, loan.id, 'accept');
    expect(await unitsFreeByDay(t.app, item.id, dayFromToday(12), dayFromToday(15))).toEqual({
      [dayFromToday(12)]: 0,
      [dayFromToday(13)]: 0,
      [dayFromToday(14)]: 0,
      [dayFromToday(15)]: 1,
    });

    const next = await signedInStructure(t.app, db());
    const dayAfter = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: next.headers,
      payload: { itemId: item.id, startDate: dayFromToday(13), endDate: dayFromToday(14) },
    });
    expect(dayAfter.statusCode).toBe(409);
    expect(dayAfter.json()).toMatchObject({
      error: 'item_unavailable',
      message: expect.stringContaining('« Sono portable » n’est plus disponible'),
    });
    // A loan ending just before, when its buffer would run into this one, is refused too.
    const before = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: next.headers,
      payload: { itemId: item.id, startDate: dayFromToday(6), endDate: dayFromToday(8) },
    });
    expect(before.statusCode).toBe(409);
    // Once the buffer is over, the item is lent again.
    expect(
      (
        await makeBooking(t.app, next.headers, {
          itemId: item.id,
          startDate: dayFromToday(15),
          endDate: dayFromToday(16),
        })
      ).status,
    ).toBe('requested');
  });

  it('declines a waiting request that only the buffer of the accepted loan now blocks', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 1, bufferDays: 2 });
    const [first, second, third, fourth, fifth] = await borrowers(5);
    const chosen = await makeBooking(t.app, first!.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const nextDay = await makeBooking(t.app, second!.headers, {
      itemId: item.id,
      startDate: dayFromToday(13),
      endDate: dayFromToday(14),
    });
    const afterBuffer = await makeBooking(t.app, third!.headers, {
      itemId: item.id,
      startDate: dayFromToday(15),
      endDate: dayFromToday(16),
    });
    // Ending the day before: its own buffer would run into the accepted loan.
    const justBefore = await makeBooking(t.app, fourth!.headers, {
      itemId: item.id,
      startDate: dayFromToday(7),
      endDate: dayFromToday(9),
    });
    // Ending three days before: its buffer is over when the accepted loan starts.
    const wellBefore = await makeBooking(t.app, fifth!.headers, {
      itemId: item.id,
      startDate: dayFromToday(5),
      endDate: dayFromToday(7),
    });

    await moveBookingTo(t.app, lender.headers, chosen.id, 'accept');
    expect(await seen(second!.headers, nextDay.id)).toMatchObject({
      status: 'declined',
      answer: null,
      declineCode: 'dates_taken',
    });
    expect(await seen(fourth!.headers, justBefore.id)).toMatchObject({
      status: 'declined',
      answer: null,
      declineCode: 'dates_taken',
    });
    expect((await seen(third!.headers, afterBuffer.id)).status).toBe('requested');
    expect((await seen(fifth!.headers, wellBefore.id)).status).toBe('requested');
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${nextDay.id}/accept`,
      headers: lender.headers,
      payload: {},
    });
    expect(accept.statusCode).toBe(409);
  });
});

describe('units are interchangeable', () => {
  it('accepts a loan that fits day by day even when no single unit is free all along, and the units move to make room', async () => {
    const { lender, item } = await lendingScene(t.app, db(), { quantity: 2, bufferDays: 0, title: 'Tonnelle 3x3' });
    const people = await borrowers(4);
    const loan = async (person: number, from: number, to: number) => {
      const made = await makeBooking(t.app, people[person]!.headers, {
        itemId: item.id,
        startDate: dayFromToday(from),
        endDate: dayFromToday(to),
      });
      return moveBookingTo(t.app, lender.headers, made.id, 'accept');
    };
    // One unit lent on days 10–11 then 13–14, the other on days 11–12: each of days 12–14 has a unit free.
    await loan(0, 10, 11);
    await loan(1, 11, 12);
    await loan(2, 13, 14);
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(10), dayFromToday(14)))).toEqual([
      1, 0, 1, 1, 1,
    ]);

    const fitting = await makeBooking(t.app, people[3]!.headers, {
      itemId: item.id,
      startDate: dayFromToday(12),
      endDate: dayFromToday(14),
    });
    expect((await moveBookingTo(t.app, lender.headers, fitting.id, 'accept')).status).toBe('accepted');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(10), dayFromToday(14)))).toEqual([
      1, 0, 0, 0, 0,
    ]);
    // Nothing more fits on those days, and the database holds as many units as the calendar says.
    const more = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: people[0]!.headers,
      payload: { itemId: item.id, startDate: dayFromToday(13), endDate: dayFromToday(13) },
    });
    expect(more.statusCode).toBe(409);
    const searched = await t.app.inject({
      method: 'GET',
      url: `/api/items?q=${encodeURIComponent('Tonnelle 3x3')}&available_from=${dayFromToday(12)}&available_to=${dayFromToday(12)}`,
    });
    expect(searched.json<{ items: Array<{ id: string }> }>().items.map((found) => found.id)).not.toContain(item.id);
  });

  it('offers in the calendar and the search only the days that a request is accepted for, buffer included', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), {
      quantity: 1,
      bufferDays: 2,
      title: 'Vélo cargo à assistance',
    });
    const taken = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await moveBookingTo(t.app, lender.headers, taken.id, 'accept');
    const [other] = await borrowers(1);

    const calendar = await t.app.inject({
      method: 'GET',
      url: `/api/items/${item.id}/availability?from=${dayFromToday(5)}&to=${dayFromToday(16)}`,
    });
    const bookable = calendar
      .json<{ days: Array<{ date: string; bookable: boolean }> }>()
      .days.filter((day) => day.bookable)
      .map((day) => day.date);
    expect(bookable).toEqual([5, 6, 7, 15, 16].map(dayFromToday));
    for (const [from, to] of [
      [6, 7],
      [7, 8],
      [8, 8],
      [15, 16],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: other!.headers,
        payload: { itemId: item.id, startDate: dayFromToday(from), endDate: dayFromToday(to) },
      });
      const offered = bookable.includes(dayFromToday(from)) && bookable.includes(dayFromToday(to));
      expect(response.statusCode, `${from}–${to}: ${response.body}`).toBe(offered ? 201 : 409);
      const search = await t.app.inject({
        method: 'GET',
        url: `/api/items?q=${encodeURIComponent('Vélo cargo à assistance')}&available_from=${dayFromToday(from)}&available_to=${dayFromToday(to)}`,
      });
      expect(
        search.json<{ items: Array<{ id: string }> }>().items.some((found) => found.id === item.id),
        `search ${from}–${to}`,
      ).toBe(offered);
    }
  });
});
