import { describe, expect, it } from 'vitest';
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

  it('is managed by the structure’s members only', async () => {
    const structure = await signedInStructure(t.app, db());
    const member = await signedInMember(t.app, db(), structure.organisation.id);
    expect((await feed('POST', structure.organisation.id, member.headers)).statusCode).toBe(201);
    const { url } = (await feed('GET', structure.organisation.id, structure.headers)).json<{ url: string }>();

    const stranger = await signedInStructure(t.app, db());
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await feed(method, structure.organisation.id, stranger.headers);
      expect(response.statusCode).toBe(404);
      expect((await feed(method, structure.organisation.id)).statusCode).toBe(401);
    }
    // Nothing the stranger did changed the feed.
    expect((await feed('GET', structure.organisation.id, structure.headers)).json().url).toBe(url);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/not-a-token-but-long-enough.ics' })).statusCode).toBe(404);
  });

  it('lists the structure’s loans both ways, with stable UIDs and a SEQUENCE that grows with each change', async () => {
    const { lender: us, borrower: them, item: ourItem } = await lendingScene(t.app, db(), { title: 'Tonnelle bleue' });
    const other = await signedInStructure(t.app, db());
    const theirItem = await makeItem(db(), { organisationId: other.organisation.id, title: 'Vélo cargo' });
    const lent = await makeBooking(t.app, them.headers, { itemId: ourItem.id, startDate: dayFromToday(10), endDate: dayFromToday(12) });
    const borrowed = await makeBooking(t.app, us.headers, { itemId: theirItem.id, startDate: dayFromToday(20), endDate: dayFromToday(20) });
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
    expect(eventOf(first, borrowed.id)).toMatchObject({ SUMMARY: `Emprunt : Vélo cargo (${other.organisation.name})`, STATUS: 'TENTATIVE' });
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
    expect(eventOf(theirCalendar, lent.id)).toMatchObject({ SUMMARY: `Emprunt : Tonnelle bleue (${us.organisation.name})`, SEQUENCE: eventOf(afterPickup, lent.id)!.SEQUENCE });
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
    const booking = await makeBooking(t.app, borrower.headers, { itemId: item.id, startDate: dayFromToday(10), endDate: dayFromToday(11) });
    const url = `/api/bookings/${booking.id}.ics`;
    const early = await t.app.inject({ method: 'GET', url, headers: borrower.headers });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'booking_out_of_order', message: expect.stringContaining('pas été accepté') });

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

describe('loans across a daylight-saving change (Europe/Paris)', () => {
  it.each([
    ['the last Sunday of March (23-hour day)', 2 as const],
    ['the last Sunday of October (25-hour day)', 9 as const],
  ])('keep their days exactly across %s: booking, calendar of units and iCal', async (_case, month) => {
    const sunday = nextChangeSunday(month);
    const saturday = utcShift(sunday, -1);
    const monday = utcShift(sunday, 1);
    const { lender, borrower, item } = await lendingScene(t.app, db(), { quantity: 2, horizonDays: 730 });

    const weekend = await makeBooking(t.app, borrower.headers, { itemId: item.id, startDate: saturday, endDate: monday });
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
    const after = await t.app.inject({ method: 'POST', url: '/api/bookings', headers: next.headers, payload: { itemId: item.id, quantity: 2, startDate: utcShift(monday, 1), endDate: utcShift(monday, 2) } });
    expect(after.statusCode, after.body).toBe(201);

    for (const [booking, start, end] of [[weekend, saturday, monday], [oneDay, sunday, sunday]] as const) {
      const file = await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.id}.ics`, headers: borrower.headers });
      expect(file.statusCode).toBe(200);
      expect(eventOf(file.body, booking.id)).toMatchObject({ 'DTSTART;VALUE=DATE': compact(start), 'DTEND;VALUE=DATE': compact(utcShift(end, 1)) });
    }
    const { url } = (await feed('POST', lender.organisation.id, lender.headers)).json<{ url: string }>();
    const lenderCalendar = (await t.app.inject({ method: 'GET', url: feedPath(url) })).body;
    expect(eventOf(lenderCalendar, weekend.id)).toMatchObject({ 'DTSTART;VALUE=DATE': compact(saturday), 'DTEND;VALUE=DATE': compact(utcShift(monday, 1)) });
  });
});
