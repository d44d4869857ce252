import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { networkRoles } from '../db/schema/memberships.ts';
import { organisations } from '../db/schema/organisations.ts';
import { isoWeekday, parisInstant } from '../domain/calendar-days.ts';
import {
  addMember,
  bookingCounts,
  type BookingDetail,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  makeService,
  moveBookingTo,
  nextWeekday,
  signedInStructure,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/** « mardi 1 juin 2027 »: how the messages write a day, computed here without the product's helpers. */
function frenchDay(day: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
function frenchWeekday(day: string): string {
  return new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

async function request(headers: Record<string, string>, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/bookings', headers, payload });
}

describe('POST /api/bookings: the lender’s rules, each refused with a sentence that names it', () => {
  it('sends a request that keeps every rule', async () => {
    const { borrower, item } = await lendingScene(t.app, db(), {
      minNoticeDays: 2,
      minLoanDays: 2,
      maxLoanDays: 5,
      quantity: 3,
    });
    const response = await request(borrower.headers, {
      itemId: item.id,
      quantity: 2,
      startDate: dayFromToday(2),
      endDate: dayFromToday(6),
      message: 'Merci !',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'requested',
      startDate: dayFromToday(2),
      endDate: dayFromToday(6),
      lines: [{ itemId: item.id, quantity: 2 }],
      groupId: null,
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(1);
  });

  /** [the case, the item's rules, the request, what the borrower is told] */
  type Case = [
    string,
    Record<string, unknown>,
    (dates: { itemId: string }) => Record<string, unknown>,
    { path: string; code: string; message: string },
  ];
  const cases: Case[] = [
    [
      'dates in reverse',
      {},
      ({ itemId }) => ({ itemId, startDate: dayFromToday(6), endDate: dayFromToday(4) }),
      { path: 'endDate', code: 'order', message: 'Le dernier jour du prêt doit suivre le premier.' },
    ],
    [
      'a first day in the past',
      {},
      ({ itemId }) => ({ itemId, startDate: dayFromToday(-1), endDate: dayFromToday(2) }),
      {
        path: 'startDate',
        code: 'past',
        message: 'Ces dates sont passées : choisissez un premier jour à partir d’aujourd’hui.',
      },
    ],
    [
      'less notice than the lender asks',
      { minNoticeDays: 5 },
      ({ itemId }) => ({ itemId, startDate: dayFromToday(3), endDate: dayFromToday(7) }),
      {
        path: 'startDate',
        code: 'notice',
        message: `Le prêteur demande 5 jours de préavis : premier jour possible le ${frenchDay(dayFromToday(5))}.`,
      },
    ],
    [
      'a loan longer than the maximum',
      { maxLoanDays: 3 },
      ({ itemId }) => ({ itemId, startDate: dayFromToday(4), endDate: dayFromToday(8) }),
      { path: 'endDate', code: 'max_length', message: 'Ce matériel se prête au plus 3 jours (vous en demandez 5).' },
    ],
    [
      'a loan shorter than the minimum',
      { minLoanDays: 3 },
      ({ itemId }) => ({ itemId, startDate: dayFromToday(4), endDate: dayFromToday(5) }),
      { path: 'endDate', code: 'min_length', message: 'Ce matériel se prête au moins 3 jours.' },
    ],
    [
      'a last day beyond how far ahead one may book',
      { horizonDays: 30 },
      ({ itemId }) => ({ itemId, startDate: dayFromToday(28), endDate: dayFromToday(31) }),
      {
        path: 'endDate',
        code: 'horizon',
        message: `On réserve au plus 30 jours à l’avance : dernier jour possible le ${frenchDay(dayFromToday(30))}.`,
      },
    ],
    [
      'more units than the item has',
      { quantity: 2 },
      ({ itemId }) => ({ itemId, quantity: 3, startDate: dayFromToday(4), endDate: dayFromToday(5) }),
      { path: 'quantity', code: 'quantity', message: 'Ce matériel n’a que 2 unités : vous en demandez 3.' },
    ],
  ];

  it.each(cases)('refuses %s (400 booking_rule) and writes nothing', async (_case, rules, payload, expected) => {
    const { borrower, item } = await lendingScene(t.app, db(), rules);
    const response = await request(borrower.headers, payload({ itemId: item.id }));
    expect(response.statusCode).toBe(400);
    const { path, code, message } = expected;
    expect(response.json()).toEqual({ error: 'booking_rule', message, details: [{ path, code, message }] });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('asks for the pickup and the return on a handover day, naming the days of the lender', async () => {
    // Handovers on Wednesdays and Saturdays only.
    const { borrower, item } = await lendingScene(t.app, db(), { handoverWeekdays: [3, 6] });
    const wednesday = nextWeekday(dayFromToday(3), 3);
    const thursday = nextWeekday(wednesday, 4);
    const saturday = nextWeekday(wednesday, 6);

    const pickup = await request(borrower.headers, { itemId: item.id, startDate: thursday, endDate: saturday });
    expect(pickup.statusCode).toBe(400);
    expect(pickup.json().details).toEqual([
      {
        path: 'startDate',
        code: 'handover_day',
        message: 'Le retrait n’est pas possible le jeudi : retraits et retours le mercredi, samedi.',
      },
    ]);

    const back = await request(borrower.headers, { itemId: item.id, startDate: wednesday, endDate: thursday });
    expect(back.statusCode).toBe(400);
    expect(back.json()).toMatchObject({
      error: 'booking_rule',
      message: 'Le retour n’est pas possible le jeudi : retraits et retours le mercredi, samedi.',
      details: [{ path: 'endDate', code: 'handover_day' }],
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);

    expect(
      (await request(borrower.headers, { itemId: item.id, startDate: wednesday, endDate: saturday })).statusCode,
    ).toBe(201);
  });

  it('refuses days the lender blocked, naming the period and why', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db());
    const blocked = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/blocked-periods`,
      headers: lender.headers,
      payload: { startDate: dayFromToday(10), endDate: dayFromToday(12), reason: 'repair', note: 'Toile à recoudre' },
    });
    expect(blocked.statusCode, blocked.body).toBe(201);
    const response = await request(borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(8),
      endDate: dayFromToday(10),
    });
    expect(response.statusCode).toBe(400);
    const message = `Ce matériel n’est pas prêté du ${frenchDay(dayFromToday(10))} au ${frenchDay(dayFromToday(12))} (réparation).`;
    expect(response.json()).toEqual({
      error: 'booking_rule',
      message,
      details: [{ path: 'startDate', code: 'blocked', message }],
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);
    // The days right after are lendable.
    expect(
      (await request(borrower.headers, { itemId: item.id, startDate: dayFromToday(13), endDate: dayFromToday(14) }))
        .statusCode,
    ).toBe(201);
  });

  it('answers 409 item_unavailable when the units are taken on those days, saying how many are left', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), { quantity: 3, title: 'Table pliante' });
    const first = await signedInStructure(t.app, db());
    const taken = await makeBooking(t.app, first.headers, {
      itemId: item.id,
      quantity: 2,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await moveBookingTo(t.app, lender.headers, taken.id, 'accept');

    const two = await request(borrower.headers, {
      itemId: item.id,
      quantity: 2,
      startDate: dayFromToday(12),
      endDate: dayFromToday(14),
    });
    expect(two.statusCode).toBe(409);
    const message = `« Table pliante » : 1 unité libre du ${frenchDay(dayFromToday(12))} au ${frenchDay(dayFromToday(14))}, vous en demandez 2.`;
    expect(two.json()).toEqual({
      error: 'item_unavailable',
      message,
      details: [{ path: 'quantity', code: 'available', message }],
    });

    const other = await signedInStructure(t.app, db());
    const last = await makeBooking(t.app, other.headers, {
      itemId: item.id,
      startDate: dayFromToday(11),
      endDate: dayFromToday(11),
    });
    await moveBookingTo(t.app, lender.headers, last.id, 'accept');
    const none = await request(borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(11),
      endDate: dayFromToday(11),
    });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      error: 'item_unavailable',
      message: `« Table pliante » n’est plus disponible le ${frenchDay(dayFromToday(11))}.`,
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);

    // One unit is still free from the 13th on: asking for one is fine.
    expect(
      (
        await request(borrower.headers, {
          itemId: item.id,
          quantity: 1,
          startDate: dayFromToday(12),
          endDate: dayFromToday(14),
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('POST /api/bookings: what cannot be asked for, and who cannot ask', () => {
  it.each([
    ['of a structure waiting for approval', { lenderStatus: 'pending' as const, item: {} }],
    ['of a suspended structure', { lenderStatus: 'suspended' as const, item: {} }],
    ['still a draft', { lenderStatus: 'active' as const, item: { status: 'draft' as const } }],
    ['hidden by moderation', { lenderStatus: 'active' as const, item: { status: 'hidden' as const } }],
  ])('refuses an item %s as unknown to the borrower, and writes nothing', async (_case, setup) => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), setup.item);
    await db()
      .update(organisations)
      .set({ status: setup.lenderStatus })
      .where(eq(organisations.id, lender.organisation.id));
    const response = await request(borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(5),
      endDate: dayFromToday(6),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: 'not_found',
      message: 'Objet introuvable.',
      details: [{ path: 'itemId', code: 'exists', message: 'Objet introuvable.' }],
    });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('tells someone who can see a draft (a network admin) that it is not lent, naming it', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db(), { status: 'draft', title: 'Barnum 6x3' });
    await db().insert(networkRoles).values({ userId: borrower.manager.id, networkId: lender.networkId, role: 'admin' });
    const response = await request(borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(5),
      endDate: dayFromToday(6),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'booking_rule',
      message: '« Barnum 6x3 » n’est pas proposé au prêt en ce moment.',
      details: [{ path: 'itemId', code: 'lendable' }],
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);
  });

  it('refuses a structure’s own item', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, title: 'Perceuse' });
    const response = await request(lender.headers, {
      itemId: item.id,
      startDate: dayFromToday(5),
      endDate: dayFromToday(6),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'booking_rule',
      message: '« Perceuse » appartient à votre structure : pas besoin de le demander.',
      details: [{ path: 'itemId', code: 'own_item' }],
    });
    expect((await bookingCounts(db(), lender.organisation.id)).bookings).toBe(0);
  });

  it('refuses a borrower whose structure is not approved yet (403 organisation_not_active)', async () => {
    const { item } = await lendingScene(t.app, db());
    const pending = await signedInStructure(t.app, db(), { status: 'pending' });
    const response = await request(pending.headers, {
      itemId: item.id,
      startDate: dayFromToday(5),
      endDate: dayFromToday(6),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: 'organisation_not_active',
      message: expect.stringContaining('pas encore validée'),
    });
    expect((await bookingCounts(db(), pending.organisation.id)).bookings).toBe(0);
    expect(
      (await request({}, { itemId: item.id, startDate: dayFromToday(5), endDate: dayFromToday(6) })).statusCode,
    ).toBe(401);
  });

  it('asks someone acting for two structures which one borrows', async () => {
    const { borrower, item } = await lendingScene(t.app, db());
    const second = await signedInStructure(t.app, db());
    await addMember(db(), borrower.manager.id, second.organisation.id, 'member');
    const payload = { itemId: item.id, startDate: dayFromToday(5), endDate: dayFromToday(6) };
    const unnamed = await request(borrower.headers, payload);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json()).toMatchObject({ error: 'validation_failed', details: [{ path: 'organisationId' }] });
    const named = await request(borrower.headers, { ...payload, organisationId: second.organisation.id });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json().borrower.id).toBe(second.organisation.id);
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);
  });
});

describe('POST /api/bookings for a service, by time slot', () => {
  /** A service given on the weekday of `day`, from 09:00 to 12:00 only (not « sur demande »). */
  async function serviceWithSlot(day: string) {
    const lender = await signedInStructure(t.app, db());
    const service = await makeService(db(), { organisationId: lender.organisation.id, title: 'Conseil en transition' });
    const slots = await t.app.inject({
      method: 'PATCH',
      url: `/api/services/${service.id}`,
      headers: lender.headers,
      payload: { slots: [{ weekday: isoWeekday(day), startsAt: '09:00', endsAt: '12:00' }], onRequest: false },
    });
    expect(slots.statusCode, slots.body).toBe(200);
    return { lender, service };
  }
  const at = (day: string, from: string, to: string) => ({
    startsAt: parisInstant(day, from).toISOString(),
    endsAt: parisInstant(day, to).toISOString(),
  });

  it('takes a request inside a slot (Paris time) and refuses one outside, naming the slots', async () => {
    const day = dayFromToday(9);
    const { service } = await serviceWithSlot(day);
    const borrower = await signedInStructure(t.app, db());
    const inside = await request(borrower.headers, { serviceId: service.id, ...at(day, '09:30', '11:00') });
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json()).toMatchObject({ kind: 'service', status: 'requested', ...at(day, '09:30', '11:00') });

    const message = `Ce service se réserve sur ses créneaux : ${frenchWeekday(day)} 09:00–12:00.`;
    for (const outside of [
      at(day, '14:00', '15:00'),
      at(day, '11:00', '12:30'),
      at(dayFromToday(10), '09:30', '11:00'),
    ]) {
      const response = await request(borrower.headers, { serviceId: service.id, ...outside });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: 'booking_rule',
        message,
        details: [{ path: 'startsAt', code: 'slot', message }],
      });
    }
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(1);
  });

  it('refuses a time overlapping an accepted request (409 slot_unavailable), and takes the next one', async () => {
    const day = dayFromToday(9);
    const { lender, service } = await serviceWithSlot(day);
    const first = await signedInStructure(t.app, db());
    const created = await request(first.headers, { serviceId: service.id, ...at(day, '09:00', '10:30') });
    await moveBookingTo(t.app, lender.headers, created.json<BookingDetail>().id, 'accept');

    const borrower = await signedInStructure(t.app, db());
    const overlapping = await request(borrower.headers, { serviceId: service.id, ...at(day, '10:00', '11:00') });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({
      error: 'slot_unavailable',
      message: 'Ce créneau est déjà pris : choisissez-en un autre.',
      details: [{ path: 'startsAt', code: 'available' }],
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);
    expect((await request(borrower.headers, { serviceId: service.id, ...at(day, '10:30', '11:30') })).statusCode).toBe(
      201,
    );
  });

  it('accepts only one of two overlapping requests: the other is declined with the reason, and accepting it is a 409', async () => {
    const day = dayFromToday(9);
    const { lender, service } = await serviceWithSlot(day);
    const one = await signedInStructure(t.app, db());
    const two = await signedInStructure(t.app, db());
    const three = await signedInStructure(t.app, db());
    const first = (
      await request(one.headers, { serviceId: service.id, ...at(day, '09:00', '10:30') })
    ).json<BookingDetail>();
    const second = (
      await request(two.headers, { serviceId: service.id, ...at(day, '10:00', '11:00') })
    ).json<BookingDetail>();
    const later = (
      await request(three.headers, { serviceId: service.id, ...at(day, '10:30', '11:30') })
    ).json<BookingDetail>();
    expect(second.status).toBe('requested');
    await moveBookingTo(t.app, lender.headers, first.id, 'accept');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${second.id}/accept`,
      headers: lender.headers,
      payload: {},
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: 'booking_out_of_order',
      message: expect.stringContaining('refusée'),
    });
    const told = (
      await t.app.inject({ method: 'GET', url: `/api/bookings/${second.id}`, headers: two.headers })
    ).json<BookingDetail>();
    expect(told).toMatchObject({ status: 'declined', answer: null, declineCode: 'slot_taken' });
    expect(told.events.at(-1)).toMatchObject({
      action: 'decline',
      party: 'system',
      actor: null,
      reasonCode: 'slot_taken',
    });
    // The request starting when the accepted one ends still waits, and can be accepted.
    expect((await moveBookingTo(t.app, lender.headers, later.id, 'accept')).status).toBe('accepted');
  });

  it('keeps a request « sur demande » within one day and the year ahead, and refuses all when the service takes none', async () => {
    const lender = await signedInStructure(t.app, db());
    const service = await makeService(db(), { organisationId: lender.organisation.id });
    const borrower = await signedInStructure(t.app, db());
    const overDays = await request(borrower.headers, {
      serviceId: service.id,
      startsAt: parisInstant(dayFromToday(5), '10:00').toISOString(),
      endsAt: parisInstant(dayFromToday(95), '10:00').toISOString(),
    });
    expect(overDays.statusCode).toBe(400);
    expect(overDays.json()).toMatchObject({ error: 'booking_rule', details: [{ path: 'endsAt', code: 'same_day' }] });
    const tooFar = await request(borrower.headers, {
      serviceId: service.id,
      ...at(dayFromToday(400), '10:00', '11:00'),
    });
    expect(tooFar.json()).toMatchObject({ error: 'booking_rule', details: [{ path: 'startsAt', code: 'horizon' }] });

    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/api/services/${service.id}`,
      headers: lender.headers,
      payload: { slots: [], onRequest: false },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const refused = await request(borrower.headers, {
      serviceId: service.id,
      ...at(dayFromToday(5), '10:00', '11:00'),
    });
    expect(refused.json()).toMatchObject({
      error: 'booking_rule',
      message: 'Ce service ne prend pas de réservation en ce moment : écrivez à la structure qui le propose.',
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);
  });

  it('refuses a past time slot and a reversed one', async () => {
    const lender = await signedInStructure(t.app, db());
    const service = await makeService(db(), { organisationId: lender.organisation.id });
    const borrower = await signedInStructure(t.app, db());
    const past = await request(borrower.headers, { serviceId: service.id, ...at(dayFromToday(-2), '10:00', '11:00') });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ error: 'booking_rule', details: [{ path: 'startsAt', code: 'past' }] });
    const reversed = await request(borrower.headers, {
      serviceId: service.id,
      ...at(dayFromToday(5), '11:00', '10:00'),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      error: 'booking_rule',
      message: 'La fin du créneau doit suivre son début.',
      details: [{ path: 'endsAt', code: 'order' }],
    });
    expect((await bookingCounts(db(), borrower.organisation.id)).bookings).toBe(0);
  });
});
