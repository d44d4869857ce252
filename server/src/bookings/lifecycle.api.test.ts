import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '../db/schema/bookings.ts';
import { organisations } from '../db/schema/organisations.ts';
import { parisInstant } from '../domain/calendar-days.ts';
import {
  type BookingDetail,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeService,
  moveBookingTo,
  signedInMember,
  signedInStructure,
  unitsFreeByDay,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { expireRequests } from './transitions.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function step(
  headers: Record<string, string> | undefined,
  id: string,
  action: string,
  payload: Record<string, unknown> = {},
) {
  return t.app.inject({ method: 'POST', url: `/api/bookings/${id}/${action}`, headers, payload });
}

async function seen(headers: Record<string, string>, id: string): Promise<BookingDetail> {
  const response = await t.app.inject({ method: 'GET', url: `/api/bookings/${id}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BookingDetail>();
}

/** The history as a reader would scan it: what happened, from which state, on whose side, by whom. */
function history(booking: BookingDetail) {
  return booking.events.map((event) => [
    event.action,
    event.fromStatus,
    event.toStatus,
    event.party,
    event.actor?.name ?? null,
    event.note,
  ]);
}

/** A lender (its manager and a plain member), an item of two units, a borrower, and a request for days 10 to 12 from now. */
async function requestedLoan(item: Parameters<typeof lendingScene>[2] = {}) {
  const scene = await lendingScene(t.app, db(), { quantity: 2, ...item });
  const member = await signedInMember(t.app, db(), scene.lender.organisation.id, 'Sacha, bénévole du prêteur');
  const startDate = dayFromToday(10);
  const endDate = dayFromToday(12);
  const booking = await makeBooking(t.app, scene.borrower.headers, {
    itemId: scene.item.id,
    startDate,
    endDate,
    message: 'Pour la fête de quartier',
  });
  return { ...scene, member, booking, startDate, endDate };
}

describe('the life of a loan, step by step, as each side sees it', () => {
  it('goes requested → accepted → picked up → returned → closed, holding a unit while accepted or out (none once back before its first day)', async () => {
    const { lender, member, borrower, item, booking, startDate, endDate } = await requestedLoan();
    const around = [dayFromToday(9), dayFromToday(13)] as const;
    expect(booking).toMatchObject({
      status: 'requested',
      kind: 'item',
      startDate,
      endDate,
      message: 'Pour la fête de quartier',
      lines: [{ itemId: item.id, quantity: 1 }],
      requestedBy: { name: 'Noé de l’emprunteur' },
      lender: { id: lender.organisation.id },
      borrower: { id: borrower.organisation.id },
      viewer: { role: 'borrower', actions: ['cancel'] },
    });
    expect((await seen(member.headers, booking.id)).viewer).toEqual({ role: 'lender', actions: ['accept', 'decline'] });
    // A request waiting for an answer holds nothing.
    expect(Object.values(await unitsFreeByDay(t.app, item.id, around[0], around[1]))).toEqual([2, 2, 2, 2, 2]);

    const accepted = await step(member.headers, booking.id, 'accept', { message: 'Avec plaisir, passez avant 18 h' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      answer: 'Avec plaisir, passez avant 18 h',
      expiresAt: null,
      viewer: { role: 'lender', actions: ['cancel', 'pickup'] },
    });
    expect((await seen(borrower.headers, booking.id)).viewer).toEqual({ role: 'borrower', actions: ['cancel'] });
    expect(await unitsFreeByDay(t.app, item.id, around[0], around[1])).toEqual({
      [around[0]]: 2,
      [startDate]: 1,
      [dayFromToday(11)]: 1,
      [endDate]: 1,
      [around[1]]: 2,
    });

    const pickedUp = await moveBookingTo(t.app, lender.headers, booking.id, 'pickup', { note: 'Retirée complète' });
    expect(pickedUp).toMatchObject({
      status: 'picked_up',
      overdue: false,
      viewer: { role: 'lender', actions: ['return'] },
    });
    expect((await seen(borrower.headers, booking.id)).viewer.actions).toEqual([]);
    expect((await unitsFreeByDay(t.app, item.id, startDate, endDate))[startDate]).toBe(1);

    const returned = await moveBookingTo(t.app, member.headers, booking.id, 'return', {
      condition: 'worn',
      incidentNote: 'Une sangle manque',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      returnCondition: 'worn',
      incidentNote: 'Une sangle manque',
      viewer: { actions: ['close'] },
    });
    expect((await seen(borrower.headers, booking.id)).viewer.actions).toEqual(['close']);
    expect(Object.values(await unitsFreeByDay(t.app, item.id, startDate, endDate))).toEqual([2, 2, 2]);

    const closed = await moveBookingTo(t.app, borrower.headers, booking.id, 'close', {
      feedback: 'Merci, tout s’est bien passé !',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      feedback: 'Merci, tout s’est bien passé !',
      viewer: { role: 'borrower', actions: [] },
    });
    expect((await seen(lender.headers, booking.id)).viewer.actions).toEqual([]);

    expect(history(closed)).toEqual([
      ['request', null, 'requested', 'borrower', 'Noé de l’emprunteur', null],
      ['accept', 'requested', 'accepted', 'lender', 'Sacha, bénévole du prêteur', 'Avec plaisir, passez avant 18 h'],
      ['pickup', 'accepted', 'picked_up', 'lender', 'Camille du prêteur', 'Retirée complète'],
      ['return', 'picked_up', 'returned', 'lender', 'Sacha, bénévole du prêteur', 'Une sangle manque'],
      ['close', 'returned', 'closed', 'borrower', 'Noé de l’emprunteur', 'Merci, tout s’est bien passé !'],
    ]);
    expect(closed.events.every((event) => !Number.isNaN(Date.parse(event.at)))).toBe(true);
  });

  it('lets the lender decline a request, with its reason, and nothing can follow', async () => {
    const { member, borrower, booking } = await requestedLoan();
    const declined = await moveBookingTo(t.app, member.headers, booking.id, 'decline', {
      reason: 'Déjà prêtée ce week-end',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      answer: 'Déjà prêtée ce week-end',
      expiresAt: null,
      viewer: { actions: [] },
    });
    const byBorrower = await seen(borrower.headers, booking.id);
    expect(byBorrower).toMatchObject({
      status: 'declined',
      answer: 'Déjà prêtée ce week-end',
      viewer: { role: 'borrower', actions: [] },
    });
    expect(history(byBorrower).at(-1)).toEqual([
      'decline',
      'requested',
      'declined',
      'lender',
      'Sacha, bénévole du prêteur',
      'Déjà prêtée ce week-end',
    ]);
    const late = await step(member.headers, booking.id, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: 'booking_out_of_order', message: expect.stringContaining('refusée') });
  });

  it('gives a service the same steps with « done » in place of pickup and return', async () => {
    const lender = await signedInStructure(t.app, db(), { managerName: 'Alex, formateur' });
    const borrower = await signedInStructure(t.app, db(), { managerName: 'Lou, coordinatrice' });
    const service = await makeService(db(), { organisationId: lender.organisation.id, title: 'Animation de réunion' });
    const startsAt = parisInstant(dayFromToday(8), '14:00').toISOString();
    const endsAt = parisInstant(dayFromToday(8), '16:30').toISOString();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: borrower.headers,
      payload: { serviceId: service.id, startsAt, endsAt },
    });
    expect(created.statusCode, created.body).toBe(201);
    const booking = created.json<BookingDetail>();
    expect(booking).toMatchObject({
      kind: 'service',
      status: 'requested',
      service: { id: service.id, title: 'Animation de réunion' },
      startsAt,
      endsAt,
      startDate: null,
      lines: [],
    });

    expect((await moveBookingTo(t.app, lender.headers, booking.id, 'accept')).viewer.actions).toEqual([
      'cancel',
      'done',
    ]);
    const pickup = await step(lender.headers, booking.id, 'pickup');
    expect(pickup.statusCode).toBe(409);
    expect(pickup.json()).toMatchObject({
      error: 'booking_out_of_order',
      message: 'Un service ne se retire ni ne se rend : une fois rendu, notez-le comme réalisé.',
    });
    const done = await moveBookingTo(t.app, lender.headers, booking.id, 'done', { note: 'Super séance' });
    expect(done).toMatchObject({ status: 'done', viewer: { actions: ['close'] } });
    expect((await seen(borrower.headers, booking.id)).viewer.actions).toEqual(['close']);
    const closed = await moveBookingTo(t.app, lender.headers, booking.id, 'close', {
      feedback: 'Merci à toute l’équipe',
    });
    expect(history(closed)).toEqual([
      ['request', null, 'requested', 'borrower', 'Lou, coordinatrice', null],
      ['accept', 'requested', 'accepted', 'lender', 'Alex, formateur', null],
      ['done', 'accepted', 'done', 'lender', 'Alex, formateur', 'Super séance'],
      ['close', 'done', 'closed', 'lender', 'Alex, formateur', 'Merci à toute l’équipe'],
    ]);
  });
});

describe('cancelling', () => {
  it('lets the borrower withdraw a request, without a reason; the lender declines instead (403)', async () => {
    const { lender, borrower, booking } = await requestedLoan();
    const byLender = await step(lender.headers, booking.id, 'cancel', { reason: 'Non' });
    expect(byLender.statusCode).toBe(403);
    expect(byLender.json()).toMatchObject({
      error: 'forbidden',
      message: expect.stringContaining('le prêteur la refuse'),
    });
    expect((await seen(borrower.headers, booking.id)).status).toBe('requested');

    const withdrawn = await moveBookingTo(t.app, borrower.headers, booking.id, 'cancel');
    expect(withdrawn).toMatchObject({ status: 'cancelled', cancelReason: null, viewer: { actions: [] } });
    expect(history(withdrawn).at(-1)).toEqual([
      'cancel',
      'requested',
      'cancelled',
      'borrower',
      'Noé de l’emprunteur',
      null,
    ]);
    expect((await seen(lender.headers, booking.id)).viewer).toEqual({ role: 'lender', actions: [] });
  });

  it('lets either side cancel an accepted loan, but only with a reason (400 without), and frees the unit', async () => {
    const { lender, borrower, item, booking, startDate, endDate } = await requestedLoan({ quantity: 1 });
    await moveBookingTo(t.app, lender.headers, booking.id, 'accept');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, startDate, endDate))).toEqual([0, 0, 0]);

    for (const payload of [{}, { reason: '   ' }]) {
      const bare = await step(borrower.headers, booking.id, 'cancel', payload);
      expect(bare.statusCode).toBe(400);
      expect(bare.json()).toMatchObject({
        error: 'validation_failed',
        message: expect.stringContaining('pourquoi vous annulez'),
        details: [{ path: 'reason', code: 'required' }],
      });
    }
    expect((await seen(lender.headers, booking.id)).status).toBe('accepted');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, startDate, endDate))).toEqual([0, 0, 0]);

    const cancelled = await moveBookingTo(t.app, borrower.headers, booking.id, 'cancel', {
      reason: 'La fête est reportée',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'La fête est reportée' });
    expect(history(cancelled).at(-1)).toEqual([
      'cancel',
      'accepted',
      'cancelled',
      'borrower',
      'Noé de l’emprunteur',
      'La fête est reportée',
    ]);
    expect(Object.values(await unitsFreeByDay(t.app, item.id, startDate, endDate))).toEqual([1, 1, 1]);
  });

  it('lets the lender cancel an accepted loan with a reason', async () => {
    const { lender, borrower, item, booking, startDate } = await requestedLoan({ quantity: 1 });
    await moveBookingTo(t.app, lender.headers, booking.id, 'accept');
    expect((await step(lender.headers, booking.id, 'cancel')).statusCode).toBe(400);
    const cancelled = await moveBookingTo(t.app, lender.headers, booking.id, 'cancel', {
      reason: 'La tonnelle est abîmée',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'La tonnelle est abîmée',
      viewer: { role: 'lender', actions: [] },
    });
    expect(history(cancelled).at(-1)).toEqual([
      'cancel',
      'accepted',
      'cancelled',
      'lender',
      'Camille du prêteur',
      'La tonnelle est abîmée',
    ]);
    expect((await seen(borrower.headers, booking.id)).cancelReason).toBe('La tonnelle est abîmée');
    expect((await unitsFreeByDay(t.app, item.id, startDate, startDate))[startDate]).toBe(1);
  });
});

describe('who may take a step', () => {
  it('keeps the lender’s steps for the lender (403 to the borrower)', async () => {
    const { lender, borrower, booking } = await requestedLoan();
    for (const action of ['accept', 'decline']) {
      const response = await step(borrower.headers, booking.id, action);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        error: 'forbidden',
        message: 'Cette étape revient à l’autre structure.',
      });
    }
    await moveBookingTo(t.app, lender.headers, booking.id, 'accept');
    expect((await step(borrower.headers, booking.id, 'pickup')).statusCode).toBe(403);
    const after = await seen(borrower.headers, booking.id);
    expect(after.status).toBe('accepted');
    expect(after.events).toHaveLength(2);
  });

  it('hides a loan from other structures (404) and asks anonymous callers to sign in (401)', async () => {
    const { lender, booking } = await requestedLoan();
    const stranger = await signedInStructure(t.app, db());
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.id}`, headers: stranger.headers })).statusCode,
    ).toBe(404);
    for (const action of ['accept', 'decline', 'cancel']) {
      const response = await step(
        stranger.headers,
        booking.id,
        action,
        action === 'cancel' ? { reason: 'Pourquoi pas' } : {},
      );
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found', message: 'Demande introuvable.' });
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.id}` })).statusCode).toBe(401);
    const anonymous = await step(undefined, booking.id, 'accept');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toBe('unauthenticated');
    const after = await seen(lender.headers, booking.id);
    expect(after.status).toBe('requested');
    expect(after.events).toHaveLength(1);
  });
});

describe('the days between two loans', () => {
  it('stay held after a return: the item rests for its buffer after the day it came back, and is free again sooner when it came back early', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), {
      quantity: 1,
      bufferDays: 2,
      minNoticeDays: 0,
      minLoanDays: 1,
    });
    const loan = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(0),
      endDate: dayFromToday(5),
    });
    await moveBookingTo(t.app, lender.headers, loan.id, 'accept');
    await moveBookingTo(t.app, lender.headers, loan.id, 'pickup');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(0), dayFromToday(8)))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);

    // Brought back today, five days early: held today and for the two rest days, free from the third.
    await moveBookingTo(t.app, lender.headers, loan.id, 'return', { condition: 'as_lent' });
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(0), dayFromToday(8)))).toEqual([
      0, 0, 0, 1, 1, 1, 1, 1, 1,
    ]);
    const other = await signedInStructure(t.app, db());
    const during = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: other.headers,
      payload: { itemId: item.id, startDate: dayFromToday(2), endDate: dayFromToday(2) },
    });
    expect(during.statusCode).toBe(409);
    // A loan on day 3 rests the item on days 4 and 5, free as well.
    expect(
      (
        await makeBooking(t.app, other.headers, {
          itemId: item.id,
          startDate: dayFromToday(3),
          endDate: dayFromToday(3),
        })
      ).status,
    ).toBe('requested');
    // Closing the loan changes nothing to the days held.
    await moveBookingTo(t.app, borrower.headers, loan.id, 'close');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(0), dayFromToday(3)))).toEqual([0, 0, 0, 1]);
  });
});

describe('steps out of order', () => {
  it.each([
    [
      'a pickup of a request',
      [] as string[],
      'pickup',
      'Cette demande est en attente de réponse : elle doit d’abord être acceptée.',
    ],
    [
      'a return of a loan not picked up',
      ['accept'],
      'return',
      'Cette demande est acceptée : le retrait du matériel doit d’abord être noté.',
    ],
    [
      'a second acceptance',
      ['accept'],
      'accept',
      'Cette demande est acceptée : cette étape ne s’applique plus (la page était peut-être ancienne).',
    ],
    [
      'a decline after acceptance',
      ['accept'],
      'decline',
      'Cette demande est acceptée : cette étape ne s’applique plus',
    ],
    [
      'a close of a loan still out',
      ['accept', 'pickup'],
      'close',
      'Cette demande est en cours (matériel retiré) : le retour du matériel doit d’abord être noté.',
    ],
    ['« done » on an item', ['accept'], 'done', 'Un prêt de matériel se termine par son retour'],
  ])('refuses %s with a 409 saying why, and records nothing', async (_case, before, action, why) => {
    const { lender, booking } = await requestedLoan();
    for (const earlier of before) await moveBookingTo(t.app, lender.headers, booking.id, earlier as 'accept');
    const response = await step(lender.headers, booking.id, action);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'booking_out_of_order', message: expect.stringContaining(why) });
    const after = await seen(lender.headers, booking.id);
    expect(after.events).toHaveLength(1 + before.length);
  });
});

describe('requests nobody answers', () => {
  it('expire when their time is up (party: system), and can no longer be accepted', async () => {
    const scene = await lendingScene(t.app, db());
    // Starting today: it expires at the latest when today is over in Paris.
    const soon = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(0),
      endDate: dayFromToday(1),
    });
    const later = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(20),
      endDate: dayFromToday(21),
    });
    expect(soon.expiresAt).toBe(parisInstant(dayFromToday(1), '00:00').toISOString());
    const inAWeek = Date.parse(later.createdAt) + 7 * 24 * 3600 * 1000;
    expect(Math.abs(Date.parse(later.expiresAt!) - inAWeek)).toBeLessThan(60_000);

    // The sweep at the very instant the first one is due.
    expect(await expireRequests(db(), new Date(soon.expiresAt!))).toBeGreaterThanOrEqual(1);
    const expired = await seen(scene.lender.headers, soon.id);
    expect(expired).toMatchObject({ status: 'expired', expiresAt: null, viewer: { role: 'lender', actions: [] } });
    expect(history(expired).at(-1)).toEqual(['expire', 'requested', 'expired', 'system', null, null]);
    expect((await seen(scene.borrower.headers, later.id)).status).toBe('requested');

    const accept = await step(scene.lender.headers, soon.id, 'accept');
    expect(accept.statusCode).toBe(409);
    expect(accept.json()).toMatchObject({ error: 'booking_out_of_order', message: expect.stringContaining('expirée') });
    expect((await seen(scene.lender.headers, soon.id)).events).toHaveLength(2);
  });

  it('cannot be accepted once due, even before the sweep has passed', async () => {
    const { lender, item, booking, startDate } = await requestedLoan();
    await db()
      .update(bookings)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(bookings.id, booking.id));
    const accept = await step(lender.headers, booking.id, 'accept');
    expect(accept.statusCode).toBe(409);
    expect(accept.json()).toMatchObject({ error: 'booking_out_of_order', message: expect.stringContaining('expiré') });
    expect((await unitsFreeByDay(t.app, item.id, startDate, startDate))[startDate]).toBe(2);
  });
});

describe('a structure suspended after asking', () => {
  it('cannot have its waiting request accepted: 409, and the request stays as it was', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await db().update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, borrower.organisation.id));
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/accept`,
      headers: lender.headers,
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error).toBe('borrower_not_active');
    const [row] = await db().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.status).toBe('requested');
    expect(Object.values(await unitsFreeByDay(t.app, item.id, dayFromToday(10), dayFromToday(11)))).toEqual([1, 1]);
  });
});
