import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookingEvents, bookingGroups, bookingLines, bookingMessages, bookings } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { services } from '../db/schema/services.ts';
import { users } from '../db/schema/users.ts';
import { databaseError } from '../db/errors.ts';
import { parisInstant } from '../domain/calendar-days.ts';
import {
  type BookingDetail,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  makeService,
  moveBookingTo,
  signedInStructure,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/** A tonnelle lent, picked up and brought back: a loan that counts in the network's figures. */
async function returnedLoan() {
  const scene = await lendingScene(t.app, db(), { title: 'Tonnelle pliante 3x3', quantity: 2 });
  const startDate = dayFromToday(10);
  const endDate = dayFromToday(12);
  const booking = await makeBooking(t.app, scene.borrower.headers, { itemId: scene.item.id, startDate, endDate });
  await moveBookingTo(t.app, scene.lender.headers, booking.id, 'accept');
  await moveBookingTo(t.app, scene.lender.headers, booking.id, 'pickup');
  await moveBookingTo(t.app, scene.lender.headers, booking.id, 'return', { condition: 'as_lent' });
  return { ...scene, booking, startDate, endDate };
}

async function removeItem(headers: Record<string, string>, id: string) {
  return t.app.inject({ method: 'DELETE', url: `/api/items/${id}`, headers });
}

async function bookingAs(headers: Record<string, string>, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/bookings/${id}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BookingDetail>();
}

async function searchTitles(organisationId: string, headers?: Record<string, string>) {
  const response = await t.app.inject({ method: 'GET', url: `/api/items?organisation=${organisationId}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Array<{ title: string }> }>().items.map((item) => item.title);
}

/** A loan's foreign keys refuse the delete under it: foreign_key_violation, on both engines. */
const foreignKeyViolation = '23503';

/** What the database answers to a statement: its error code, or null when it went through. */
async function refusal(statement: ReturnType<typeof sql>) {
  try {
    await db().execute(statement);
    return null;
  } catch (error) {
    return databaseError(error)?.code ?? 'unknown';
  }
}

async function loansOf(organisationId: string) {
  const [row] = await db()
    .select({ count: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      sql`${bookings.lenderOrganisationId} = ${organisationId} or ${bookings.borrowerOrganisationId} = ${organisationId}`,
    );
  return row!.count;
}

describe('deleting a listing that was lent', () => {
  it('archives an item with a returned loan: gone from search, the loan still readable by both sides', async () => {
    const { lender, borrower, item, booking, startDate, endDate } = await returnedLoan();
    expect(await searchTitles(lender.organisation.id)).toEqual(['Tonnelle pliante 3x3']);

    const removed = await removeItem(lender.headers, item.id);
    expect(removed.statusCode, removed.body).toBe(204);

    const [kept] = await db().select({ status: items.status }).from(items).where(eq(items.id, item.id));
    expect(kept).toEqual({ status: 'archived' });
    expect(await searchTitles(lender.organisation.id)).toEqual([]);
    expect(await searchTitles(lender.organisation.id, borrower.headers)).toEqual([]);
    const inventory = await t.app.inject({
      method: 'GET',
      url: `/api/organisations/${lender.organisation.id}/listings`,
      headers: lender.headers,
    });
    expect(inventory.json().items).toMatchObject([{ id: item.id, status: 'archived' }]);

    for (const side of [lender, borrower]) {
      expect(await bookingAs(side.headers, booking.id)).toMatchObject({
        status: 'returned',
        startDate,
        endDate,
        lines: [{ itemId: item.id, title: 'Tonnelle pliante 3x3', quantity: 1 }],
      });
    }
    const listed = await t.app.inject({ method: 'GET', url: '/api/bookings?as=borrower', headers: borrower.headers });
    expect(listed.json().items.map((row: BookingDetail) => row.id)).toEqual([booking.id]);
  });

  it('archives an item whose only request was declined, and deletes again answer the same', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await moveBookingTo(t.app, lender.headers, booking.id, 'decline');
    expect((await removeItem(lender.headers, item.id)).statusCode).toBe(204);
    expect((await removeItem(lender.headers, item.id)).statusCode).toBe(204);
    const [kept] = await db().select({ status: items.status }).from(items).where(eq(items.id, item.id));
    expect(kept).toEqual({ status: 'archived' });
  });

  it('really deletes an item nobody asked for', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    expect((await removeItem(lender.headers, item.id)).statusCode).toBe(204);
    expect(await db().select().from(items).where(eq(items.id, item.id))).toEqual([]);
    const read = await t.app.inject({ method: 'GET', url: `/api/items/${item.id}`, headers: lender.headers });
    expect(read.statusCode).toBe(404);
  });

  it('leaves an item hidden by moderation hidden, loans and all (403 listing_hidden)', async () => {
    const { lender, item, booking } = await returnedLoan();
    await db().update(items).set({ status: 'hidden' }).where(eq(items.id, item.id));
    const removed = await removeItem(lender.headers, item.id);
    expect(removed.statusCode).toBe(403);
    expect(removed.json()).toMatchObject({ error: 'listing_hidden' });
    const [kept] = await db().select({ status: items.status }).from(items).where(eq(items.id, item.id));
    expect(kept).toEqual({ status: 'hidden' });
    expect(await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.id, booking.id))).toHaveLength(1);
  });

  it('archives a service offer that was booked, and deletes one that never was', async () => {
    const provider = await signedInStructure(t.app, db());
    const borrower = await signedInStructure(t.app, db());
    const booked = await makeService(db(), { organisationId: provider.organisation.id, title: 'Animation de réunion' });
    const never = await makeService(db(), { organisationId: provider.organisation.id });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: borrower.headers,
      payload: {
        serviceId: booked.id,
        startsAt: parisInstant(dayFromToday(8), '14:00').toISOString(),
        endsAt: parisInstant(dayFromToday(8), '16:00').toISOString(),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const service of [booked, never]) {
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/services/${service.id}`,
        headers: provider.headers,
      });
      expect(removed.statusCode, removed.body).toBe(204);
    }
    const left = await db()
      .select({ id: services.id, status: services.status })
      .from(services)
      .where(eq(services.organisationId, provider.organisation.id));
    expect(left).toEqual([{ id: booked.id, status: 'archived' }]);
    expect((await bookingAs(borrower.headers, created.json().id)).service).toEqual({
      id: booked.id,
      title: 'Animation de réunion',
    });
  });
});

describe('deleting a structure or a person, at the database', () => {
  it('refuses to delete a structure that lent or borrowed (23503), and removes nothing', async () => {
    const { lender, borrower, item, booking } = await returnedLoan();
    for (const side of [borrower, lender]) {
      const id = side.organisation.id;
      expect(await refusal(sql`delete from organisations where id = ${id}`)).toBe(foreignKeyViolation);
      expect(await loansOf(id)).toBe(1);
    }
    expect(await db().select({ id: items.id }).from(items).where(eq(items.id, item.id))).toHaveLength(1);
    expect(await bookingAs(borrower.headers, booking.id)).toMatchObject({ status: 'returned' });
  });

  it('refuses to delete a basket under its requests', async () => {
    const { lender, borrower, item } = await lendingScene(t.app, db());
    const basket = await t.app.inject({
      method: 'POST',
      url: '/api/bookings/batch',
      headers: borrower.headers,
      payload: { lines: [{ itemId: item.id }], startDate: dayFromToday(10), endDate: dayFromToday(11) },
    });
    expect(basket.statusCode, basket.body).toBe(201);
    const groupId: string = basket.json().id;
    expect(await refusal(sql`delete from booking_groups where id = ${groupId}`)).toBe(foreignKeyViolation);
    const [request] = await db()
      .select({ groupId: bookings.groupId })
      .from(bookings)
      .where(eq(bookings.lenderOrganisationId, lender.organisation.id));
    expect(request).toEqual({ groupId });
    expect(await db().select().from(bookingGroups).where(eq(bookingGroups.id, groupId))).toHaveLength(1);
  });

  it('deletes a structure that never lent nor borrowed, with its listings', async () => {
    const lonely = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lonely.organisation.id });
    expect(await refusal(sql`delete from organisations where id = ${lonely.organisation.id}`)).toBeNull();
    expect(await db().select().from(items).where(eq(items.id, item.id))).toEqual([]);
  });

  it('keeps the loan of a person who is deleted, anonymised: requested by nobody, their steps and words by nobody', async () => {
    const { borrower, lender, booking } = await returnedLoan();
    const said = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/messages`,
      headers: borrower.headers,
      payload: { body: 'Merci pour la tonnelle !' },
    });
    expect(said.statusCode, said.body).toBe(201);
    expect(await refusal(sql`delete from users where id = ${borrower.manager.id}`)).toBeNull();

    const [kept] = await db()
      .select({ requestedBy: bookings.requestedBy, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.id, booking.id));
    expect(kept).toEqual({ requestedBy: null, status: 'returned' });
    const [request] = await db()
      .select({ actorId: bookingEvents.actorId })
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, booking.id))
      .orderBy(bookingEvents.id)
      .limit(1);
    expect(request).toEqual({ actorId: null });
    expect(
      await db()
        .select({ authorId: bookingMessages.authorId, body: bookingMessages.body })
        .from(bookingMessages)
        .where(eq(bookingMessages.bookingId, booking.id)),
    ).toEqual([{ authorId: null, body: 'Merci pour la tonnelle !' }]);
    expect(await db().select().from(users).where(eq(users.id, borrower.manager.id))).toEqual([]);
    expect(await bookingAs(lender.headers, booking.id)).toMatchObject({ status: 'returned', requestedBy: null });
  });
});

describe('a request beside an archiving', () => {
  it.skipIf(process.env.MUTUA_TEST_ENGINE !== 'postgres')(
    'waits for an item being archived, then refuses it: no request is written on an item that left the catalogue',
    async () => {
      const scene = await lendingScene(t.app, db(), { title: 'Scie sauteuse', quantity: 1 });
      let answer: Promise<Awaited<ReturnType<typeof t.app.inject>>> | undefined;
      await db().transaction(async (tx) => {
        await tx.update(items).set({ status: 'archived' }).where(eq(items.id, scene.item.id));
        answer = t.app.inject({
          method: 'POST',
          url: '/api/bookings',
          headers: scene.borrower.headers,
          payload: { itemId: scene.item.id, startDate: dayFromToday(10), endDate: dayFromToday(11) },
        });
        await new Promise((resolve) => setTimeout(resolve, 400));
      });
      const response = await answer!;
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ details: [{ code: 'lendable' }] });
      const written = await db()
        .select({ id: bookingLines.id })
        .from(bookingLines)
        .where(eq(bookingLines.itemId, scene.item.id));
      expect(written).toHaveLength(0);
    },
  );
});
