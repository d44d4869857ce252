import { describe, expect, it } from 'vitest';
import { bookings } from '../db/schema/bookings.ts';
import { parisInstant, parisToday } from '../domain/calendar-days.ts';
import type { BookingDetail } from '../../test/factories.ts';
import {
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  makeService,
  moveBookingTo,
  signedInMember,
  signedInStructure,
  unitsFreeByDay,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/** The VEVENTs of an iCal text, each as its properties (folded lines joined back, as a calendar reads them). */
function calendarEvents(ics: string): Array<Record<string, string>> {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((block) =>
      Object.fromEntries(
        block
          .split('END:VEVENT')[0]!
          .split('\r\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
      ),
    );
}

function eventOf(ics: string, bookingId: string) {
  return calendarEvents(ics).find((event) => event.UID === `booking-${bookingId}@mutua`);
}

const feedPath = (url: string) => new URL(url).pathname;

async function feed(method: 'GET' | 'POST' | 'DELETE', organisationId: string, headers?: Record<string, string>) {
  return t.app.inject({ method, url: `/api/organisations/${organisationId}/calendar-feed`, headers });
}

/** Calendar days written without Paris rules, to check the product's own arithmetic: UTC has no daylight saving. */
function utcShift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const compact = (day: string) => day.replaceAll('-', '');

/** The next last Sunday of March (month 2) or October (month 9) far enough ahead to lend the day before it. */
function nextChangeSunday(month: 2 | 9): string {
  const year = Number(parisToday().slice(0, 4));
  for (const candidate of [year, year + 1]) {
    const last = new Date(Date.UTC(candidate, month + 1, 0));
    last.setUTCDate(last.getUTCDate() - last.getUTCDay());
    const sunday = last.toISOString().slice(0, 10);
    if (utcShift(sunday, -1) >= dayFromToday(3)) return sunday;
  }
  throw new Error('no daylight-saving change ahead');
}

describe('the private calendar feed of a structure', () => {
  it('is created, read by its URL, renewed (the old URL stops), and revoked', async () => {
    const structure = await signedInStructure(t.app, db());
    const none = await feed('GET', structure.organisation.id, structure.headers);
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toContain('Pas encore d’agenda');

    const created = await feed('POST', structure.organisation.id, structure.headers);
    expect(created.statusCode, created.body).toBe(201);
    const { url } = created.json<{ url: string; createdAt: string }>();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{20,64}\.ics$/);
    expect((await feed('GET', structure.organisation.id, structure.headers)).json().url).toBe(url);

    const calendar = await t.app.inject({ method: 'GET', url: feedPath(url) });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(calendar.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar.body.replace(/\r\n[ \t]/g, '')).toContain(`X-WR-CALNAME:Mutua · ${structure.organisation.name}`);

    const renewed = await feed('POST', structure.organisation.id, structure.headers);
    expect(renewed.statusCode).toBe(201);
    const newUrl = renewed.json<{ url: string }>().url;
    expect(newUrl).not.toBe(url);
    expect((await t.app.inject({ method: 'GET', url: feedPath(url) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: feedPath(newUrl) })).statusCode).toBe(200);

    expect((await feed('DELETE', structure.organisation.id, structure.headers)).statusCode).toBe(204);
    expect((await feed('GET', structure.organisation.id, structure.headers)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: feedPath(newUrl) })).statusCode).toBe(404);
    expect((await feed('DELETE', structure.organisation.id, structure.headers)).statusCode).toBe(404);
  });

  it('is read by the structure’s members and renewed or stopped by its managers only', async () => {
    const structure = await signedInStructure(t.app, db());
    const member = await signedInMember(t.app, db(), structure.organisation.id);
    expect((await feed('POST', structure.organisation.id, member.headers)).statusCode).toBe(403);
    expect((await feed('POST', structure.organisation.id, structure.headers)).statusCode).toBe(201);
    const { url } = (await feed('GET', structure.organisation.id, member.headers)).json<{ url: string }>();
    expect((await feed('DELETE', structure.organisation.id, member.headers)).statusCode).toBe(403);

    const stranger = await signedInStructure(t.app, db());
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await feed(method, structure.organisation.id, stranger.headers);
      expect(response.statusCode).toBe(403);
      expect((await feed(method, structure.organisation.id)).statusCode).toBe(401);
    }
    // Nothing the stranger did changed the feed.
    expect((await feed('GET', structure.organisation.id, structure.headers)).json().url).toBe(url);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/calendar/not-a-token-but-long-enough.ics' })).statusCode,
    ).toBe(404);
  });

  it('stops working for someone who leaves the structure: their URL is renewed for the others', async () => {
    const structure = await signedInStructure(t.app, db());
    const leaving = await signedInMember(t.app, db(), structure.organisation.id, 'Partante');
    expect((await feed('POST', structure.organisation.id, structure.headers)).statusCode).toBe(201);
    const { url: known } = (await feed('GET', structure.organisation.id, leaving.headers)).json<{ url: string }>();
    expect((await t.app.inject({ method: 'GET', url: feedPath(known) })).statusCode).toBe(200);

    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${structure.organisation.id}/members/${leaving.user.id}`,
      headers: leaving.headers,
    });
    expect(left.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: feedPath(known) })).statusCode).toBe(404);
    const { url: renewed } = (await feed('GET', structure.organisation.id, structure.headers)).json<{ url: string }>();
    expect(renewed).not.toBe(known);
    expect((await t.app.inject({ method: 'GET', url: feedPath(renewed) })).statusCode).toBe(200);
  });

  it('lists the structure’s loans both ways, with stable UIDs and a SEQUENCE that grows with each change', async () => {
    const { lender: us, borrower: them, item: ourItem } = await lendingScene(t.app, db(), { title: 'Tonnelle bleue' });
    const other = await signedInStructure(t.app, db());
    const theirItem = await makeItem(db(), { organisationId: other.organisation.id, title: 'Vélo cargo' });
    const lent = await makeBooking(t.app, them.headers, {
      itemId: ourItem.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const borrowed = await makeBooking(t.app, us.headers, {
      itemId: theirItem.id,
      startDate: dayFromToday(20),
      endDate: dayFromToday(20),
    });
    const { url } = (await feed('POST', us.organisation.id, us.headers)).json<{ url: string }>();
    const read = async () => (await t.app.inject({ method: 'GET', url: feedPath(url) })).body;

    const first = await read();
    expect(calendarEvents(first)).toHaveLength(2);
    expect(eventOf(first, lent.id)).toMatchObject({
      SUMMARY: `Prêt : Tonnelle bleue (${them.organisation.name})`,
      'DTSTART;VALUE=DATE': compact(dayFromToday(10)),
      'DTEND;VALUE=DATE': compact(dayFromToday(13)),
      STATUS: 'TENTATIVE',
    });
    expect(eventOf(first, borrowed.id)).toMatchObject({
      SUMMARY: `Emprunt : Vélo cargo (${other.organisation.name})`,
      STATUS: 'TENTATIVE',
    });
    const sequence = (ics: string, id: string) => Number(eventOf(ics, id)!.SEQUENCE);
    const initial = sequence(first, lent.id);
    expect(initial).toBe(0);

    await moveBookingTo(t.app, us.headers, lent.id, 'accept');
    const afterAccept = await read();
    expect(eventOf(afterAccept, lent.id)).toMatchObject({ STATUS: 'CONFIRMED' });
    expect(sequence(afterAccept, lent.id)).toBeGreaterThan(initial);
    await moveBookingTo(t.app, us.headers, lent.id, 'pickup');
    const afterPickup = await read();
    expect(sequence(afterPickup, lent.id)).toBeGreaterThan(sequence(afterAccept, lent.id));
    expect(calendarEvents(afterPickup).filter((event) => event.UID === `booking-${lent.id}@mutua`)).toHaveLength(1);

    // The other side's feed shows the same loan under the same UID.
    const theirs = (await feed('POST', them.organisation.id, them.headers)).json<{ url: string }>().url;
    const theirCalendar = (await t.app.inject({ method: 'GET', url: feedPath(theirs) })).body;
    expect(eventOf(theirCalendar, lent.id)).toMatchObject({
      SUMMARY: `Emprunt : Tonnelle bleue (${us.organisation.name})`,
      SEQUENCE: eventOf(afterPickup, lent.id)!.SEQUENCE,
    });
    expect(eventOf(theirCalendar, borrowed.id)).toBeUndefined();

    // A cancelled loan stays, marked cancelled, so that subscribed calendars drop it.
    await moveBookingTo(t.app, other.headers, borrowed.id, 'accept');
    await moveBookingTo(t.app, us.headers, borrowed.id, 'cancel', { reason: 'Plus besoin' });
    const afterCancel = await read();
    expect(eventOf(afterCancel, borrowed.id)).toMatchObject({ STATUS: 'CANCELLED' });
    expect(sequence(afterCancel, borrowed.id)).toBeGreaterThan(sequence(first, borrowed.id));
  });
});

describe('GET /api/bookings/:id.ics', () => {
  it('gives an accepted loan to its two sides, not a request, and not to strangers', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), { title: 'Sono portable' });
    const booking = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    const url = `/api/bookings/${booking.id}.ics`;
    const early = await t.app.inject({ method: 'GET', url, headers: borrower.headers });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      error: 'booking_out_of_order',
      message: expect.stringContaining('pas été accepté'),
    });

    await moveBookingTo(t.app, lender.headers, booking.id, 'accept');
    const file = await t.app.inject({ method: 'GET', url, headers: borrower.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    expect(file.headers['content-disposition']).toContain('.ics');
    expect(file.body).toContain('METHOD:PUBLISH');
    expect(calendarEvents(file.body)).toEqual([
      expect.objectContaining({
        UID: `booking-${booking.id}@mutua`,
        SUMMARY: `Emprunt : Sono portable (${lender.organisation.name})`,
        'DTSTART;VALUE=DATE': compact(dayFromToday(10)),
        'DTEND;VALUE=DATE': compact(dayFromToday(12)),
        STATUS: 'CONFIRMED',
      }),
    ]);
    const lenderFile = await t.app.inject({ method: 'GET', url, headers: lender.headers });
    expect(eventOf(lenderFile.body, booking.id)?.SUMMARY).toBe(`Prêt : Sono portable (${borrower.organisation.name})`);

    const stranger = await signedInStructure(t.app, db());
    expect((await t.app.inject({ method: 'GET', url, headers: stranger.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('GET /api/bookings/:id.ics once accepted, whatever came after', () => {
  it('serves a loan cancelled after it was accepted (as cancelled), never a request cancelled or declined before', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), { quantity: 3 });
    const ask = (day: number) =>
      makeBooking(t.app, borrower.headers, {
        itemId: item.id,
        startDate: dayFromToday(day),
        endDate: dayFromToday(day),
      });
    const file = (id: string) =>
      t.app.inject({ method: 'GET', url: `/api/bookings/${id}.ics`, headers: borrower.headers });

    const withdrawn = await ask(10);
    await moveBookingTo(t.app, borrower.headers, withdrawn.id, 'cancel', { reason: 'Plus besoin' });
    const declined = await ask(11);
    await moveBookingTo(t.app, lender.headers, declined.id, 'decline', { reason: 'Déjà prêtée' });
    for (const [name, never] of [
      ['withdrawn', withdrawn],
      ['declined', declined],
    ] as const) {
      const response = await file(never.id);
      expect(response.statusCode, name).toBe(409);
      expect(response.json()).toMatchObject({
        error: 'booking_out_of_order',
        message: expect.stringContaining('pas été accepté'),
      });
    }

    const called = await ask(12);
    await moveBookingTo(t.app, lender.headers, called.id, 'accept');
    await moveBookingTo(t.app, lender.headers, called.id, 'cancel', { reason: 'Tonnelle abîmée' });
    const response = await file(called.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(eventOf(response.body, called.id)).toMatchObject({ STATUS: 'CANCELLED' });

    const returned = await ask(13);
    for (const action of ['accept', 'pickup', 'return'] as const)
      await moveBookingTo(t.app, lender.headers, returned.id, action);
    expect((await file(returned.id)).statusCode).toBe(200);
  });
});

describe('the order of a calendar', () => {
  it('lists a feed by start (days at midnight in Paris, slots at their hour), then by id, whatever the order of the requests', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), { title: 'Barnum', quantity: 3 });
    const service = await makeService(db(), { organisationId: lender.organisation.id, title: 'Atelier réparation' });
    const ask = (day: number) =>
      makeBooking(t.app, borrower.headers, {
        itemId: item.id,
        startDate: dayFromToday(day),
        endDate: dayFromToday(day + 1),
      });
    const late = await ask(20);
    const slot = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: borrower.headers,
      payload: {
        serviceId: service.id,
        startsAt: parisInstant(dayFromToday(15), '09:00').toISOString(),
        endsAt: parisInstant(dayFromToday(15), '11:00').toISOString(),
      },
    });
    expect(slot.statusCode, slot.body).toBe(201);
    const sameDay = await ask(15);
    const earlyOnes = [await ask(10), await ask(10)].sort((a, b) => a.id.localeCompare(b.id));
    const expected = [...earlyOnes, sameDay, slot.json<BookingDetail>(), late].map(
      (booking) => `booking-${booking.id}@mutua`,
    );

    const { url } = (await feed('POST', lender.organisation.id, lender.headers)).json<{ url: string }>();
    const calendar = (await t.app.inject({ method: 'GET', url: feedPath(url) })).body;
    expect(calendarEvents(calendar).map((event) => event.UID)).toEqual(expected);
  });

  it('keeps the latest 2000 bookings of a busy structure: its coming loans are never crowded out by past ones', async () => {
    const { lender, borrower } = await lendingScene(t.app, db());
    // The oldest first, so that it lies first on disk too: it is the one to leave out.
    const pastDays = [-120, ...Array.from({ length: 1999 }, (_, index) => -100 + (index % 50))];
    const past = pastDays.map((day) => ({
      kind: 'item' as const,
      lenderOrganisationId: lender.organisation.id,
      borrowerOrganisationId: borrower.organisation.id,
      status: 'closed' as const,
      startDate: dayFromToday(day),
      endDate: dayFromToday(day),
    }));
    await db().insert(bookings).values(past);
    const [coming] = await db()
      .insert(bookings)
      .values({
        kind: 'item',
        lenderOrganisationId: lender.organisation.id,
        borrowerOrganisationId: borrower.organisation.id,
        status: 'accepted',
        startDate: dayFromToday(5),
        endDate: dayFromToday(6),
      })
      .returning({ id: bookings.id });

    const { url } = (await feed('POST', lender.organisation.id, lender.headers)).json<{ url: string }>();
    const events = calendarEvents((await t.app.inject({ method: 'GET', url: feedPath(url) })).body);
    expect(events).toHaveLength(2000);
    expect(events.at(-1)?.UID).toBe(`booking-${coming!.id}@mutua`);
    // The one left out is the oldest.
    expect(events[0]!['DTSTART;VALUE=DATE']).toBe(compact(dayFromToday(-100)));
  });

  it('names the items of a loan in one order everywhere: feed, .ics file and API (by title)', async () => {
    const { lender, borrower } = await lendingScene(t.app, db());
    const titles = ['Projecteur', 'Enceinte', 'Micro'];
    const [projecteur, enceinte, micro] = await Promise.all(
      titles.map((title) => makeItem(db(), { organisationId: lender.organisation.id, title })),
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/bookings/batch',
      headers: borrower.headers,
      payload: {
        lines: [{ itemId: projecteur!.id }, { itemId: micro!.id, quantity: 1 }, { itemId: enceinte!.id }],
        startDate: dayFromToday(10),
        endDate: dayFromToday(11),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const [booking] = response.json<{ bookings: BookingDetail[] }>().bookings;
    await moveBookingTo(t.app, lender.headers, booking!.id, 'accept');

    const api = (
      await t.app.inject({ method: 'GET', url: `/api/bookings/${booking!.id}`, headers: lender.headers })
    ).json<BookingDetail>();
    expect(api.lines.map((line) => line.title)).toEqual(['Enceinte', 'Micro', 'Projecteur']);
    // iCal escapes the commas of a text value.
    const summary = `Prêt : Enceinte\\, Micro\\, Projecteur (${borrower.organisation.name})`;
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/bookings/${booking!.id}.ics`,
      headers: lender.headers,
    });
    expect(eventOf(file.body, booking!.id)?.SUMMARY).toBe(summary);
    const { url } = (await feed('POST', lender.organisation.id, lender.headers)).json<{ url: string }>();
    expect(eventOf((await t.app.inject({ method: 'GET', url: feedPath(url) })).body, booking!.id)?.SUMMARY).toBe(
      summary,
    );
  });
});

describe('loans across a daylight-saving change (Europe/Paris)', () => {
  it.each([
    ['the last Sunday of March (23-hour day)', 2 as const],
    ['the last Sunday of October (25-hour day)', 9 as const],
  ])('keep their days exactly across %s: booking, calendar of units and iCal', async (_case, month) => {
    const sunday = nextChangeSunday(month);
    const saturday = utcShift(sunday, -1);
    const monday = utcShift(sunday, 1);
    const { lender, borrower, item } = await lendingScene(t.app, db(), { quantity: 2, horizonDays: 730 });

    const weekend = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: saturday,
      endDate: monday,
    });
    expect(weekend).toMatchObject({ startDate: saturday, endDate: monday });
    const oneDay = await makeBooking(t.app, borrower.headers, { itemId: item.id, startDate: sunday, endDate: sunday });
    await moveBookingTo(t.app, lender.headers, weekend.id, 'accept');
    const accepted = await moveBookingTo(t.app, lender.headers, oneDay.id, 'accept');
    expect(accepted).toMatchObject({ startDate: sunday, endDate: sunday });

    expect(await unitsFreeByDay(t.app, item.id, utcShift(saturday, -1), utcShift(monday, 1))).toEqual({
      [utcShift(saturday, -1)]: 2,
      [saturday]: 1,
      [sunday]: 0,
      [monday]: 1,
      [utcShift(monday, 1)]: 2,
    });
    // Both units are free again the day after the weekend loan: no day is lost or gained around the change.
    const next = await signedInStructure(t.app, db());
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: next.headers,
      payload: { itemId: item.id, quantity: 2, startDate: utcShift(monday, 1), endDate: utcShift(monday, 2) },
    });
    expect(after.statusCode, after.body).toBe(201);

    for (const [booking, start, end] of [
      [weekend, saturday, monday],
      [oneDay, sunday, sunday],
    ] as const) {
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/bookings/${booking.id}.ics`,
        headers: borrower.headers,
      });
      expect(file.statusCode).toBe(200);
      expect(eventOf(file.body, booking.id)).toMatchObject({
        'DTSTART;VALUE=DATE': compact(start),
        'DTEND;VALUE=DATE': compact(utcShift(end, 1)),
      });
    }
    const { url } = (await feed('POST', lender.organisation.id, lender.headers)).json<{ url: string }>();
    const lenderCalendar = (await t.app.inject({ method: 'GET', url: feedPath(url) })).body;
    expect(eventOf(lenderCalendar, weekend.id)).toMatchObject({
      'DTSTART;VALUE=DATE': compact(saturday),
      'DTEND;VALUE=DATE': compact(utcShift(monday, 1)),
    });
  });
});
