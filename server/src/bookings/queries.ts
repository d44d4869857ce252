import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import {
  bookingEvents,
  bookingGroups,
  bookingLines,
  bookingMessages,
  bookings,
  bookingUnits,
} from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';
import { users } from '../db/schema/users.ts';
import type { BookingStatus } from '../domain/booking-lifecycle.ts';
import type { DeclineCode } from '../domain/notifications.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBookingRow = typeof bookings.$inferInsert;
export type NewEventRow = typeof bookingEvents.$inferInsert;

const lender = alias(organisations, 'lender');
const borrower = alias(organisations, 'borrower');

/** Bookings with their two parties, who asked and the service: what the API shows, lines apart. */
export async function selectBookings(db: Database, where: SQL, options: { orderBy?: SQL[]; limit?: number } = {}) {
  const query = db
    .select({
      booking: bookings,
      lender: { id: lender.id, name: lender.name, kind: lender.kind, city: lender.city, status: lender.status },
      borrower: {
        id: borrower.id,
        name: borrower.name,
        kind: borrower.kind,
        city: borrower.city,
        status: borrower.status,
      },
      requestedBy: { id: users.id, name: users.name },
      service: { id: services.id, title: services.title },
      // To the microsecond (a JS Date stops at the millisecond): the key of list cursors.
      createdKey: sql<string>`to_char(${bookings.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(bookings)
    .innerJoin(lender, eq(lender.id, bookings.lenderOrganisationId))
    .innerJoin(borrower, eq(borrower.id, bookings.borrowerOrganisationId))
    .leftJoin(users, eq(users.id, bookings.requestedBy))
    .leftJoin(services, eq(services.id, bookings.serviceId))
    .where(where)
    .orderBy(...(options.orderBy ?? [desc(bookings.createdAt), desc(bookings.id)]));
  return options.limit ? query.limit(options.limit) : query;
}
export type BookingWithParties = Awaited<ReturnType<typeof selectBookings>>[number];

/** The order a booking's lines are shown in, in the API and in calendars alike. */
export const lineOrder = [asc(items.title), asc(bookingLines.id)];

export async function selectLines(db: Database, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  return db
    .select({
      id: bookingLines.id,
      bookingId: bookingLines.bookingId,
      itemId: bookingLines.itemId,
      title: items.title,
      quantity: bookingLines.quantity,
    })
    .from(bookingLines)
    .innerJoin(items, eq(items.id, bookingLines.itemId))
    .where(inArray(bookingLines.bookingId, bookingIds))
    .orderBy(...lineOrder);
}

/** Locks the booking for the rest of the transaction: two answers to one request never interleave. */
export async function lockBooking(db: Database, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id)).for('update');
  return row;
}

/**
 * Locks the items (in a stable order, so two transactions never wait on each other in a circle):
 * accepting loans of the same item happens one after the other, each seeing the units the
 * previous one took. The exclusion constraint stays the guarantee; the lock gives clear answers.
 */
export async function lockItems(db: Database, itemIds: string[]) {
  const sorted = [...new Set(itemIds)].sort();
  if (sorted.length === 0) return [];
  return db
    .select({ id: items.id, quantity: items.quantity, bufferDays: items.bufferDays })
    .from(items)
    .where(inArray(items.id, sorted))
    .orderBy(asc(items.id))
    .for('no key update');
}

/** Locks the service: accepting its requests happens one after the other, like an item's. */
export async function lockService(db: Database, serviceId: string) {
  await db.select({ id: services.id }).from(services).where(eq(services.id, serviceId)).for('no key update');
}

/** The other requests for the same service whose time overlaps: after an acceptance, they cannot be served. */
export async function selectCompetingServiceRequests(
  db: Database,
  accepted: { id: string; serviceId: string; startsAt: Date; endsAt: Date },
) {
  return db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.serviceId, accepted.serviceId),
        eq(bookings.status, 'requested'),
        ne(bookings.id, accepted.id),
        sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${accepted.startsAt.toISOString()}::timestamptz, ${accepted.endsAt.toISOString()}::timestamptz, '[)')`,
      ),
    )
    .orderBy(asc(bookings.id));
}

/** Every change of a booking's status moves its revision on: calendars read it as the iCal SEQUENCE. */
export const nextRevision = sql`${bookings.revision} + 1`;

/** Compare-and-set: moves the booking only if it is still in `from`; answers the new row or nothing. */
export async function moveBooking(
  db: Database,
  id: string,
  from: BookingStatus,
  changes: Partial<NewBookingRow> & { status: BookingStatus },
) {
  const [row] = await db
    .update(bookings)
    .set({ ...changes, revision: nextRevision, updatedAt: new Date() })
    .where(and(eq(bookings.id, id), eq(bookings.status, from)))
    .returning();
  return row;
}

export async function insertBookingRow(db: Database, booking: NewBookingRow) {
  const [row] = await db.insert(bookings).values(booking).returning({ id: bookings.id });
  return row!;
}

export async function insertLineRows(db: Database, lines: Array<typeof bookingLines.$inferInsert>) {
  return db
    .insert(bookingLines)
    .values(lines)
    .returning({ id: bookingLines.id, itemId: bookingLines.itemId, quantity: bookingLines.quantity });
}

export async function insertGroup(db: Database, group: typeof bookingGroups.$inferInsert) {
  const [row] = await db.insert(bookingGroups).values(group).returning();
  return row!;
}

export async function selectGroup(db: Database, id: string) {
  const [row] = await db.select().from(bookingGroups).where(eq(bookingGroups.id, id));
  return row;
}

export async function insertEvent(db: Database, event: NewEventRow) {
  await db.insert(bookingEvents).values(event);
}

export async function insertUnits(db: Database, units: Array<typeof bookingUnits.$inferInsert>) {
  if (units.length > 0) await db.insert(bookingUnits).values(units);
}

/**
 * The units an item's loans hold from `today` on, with the line holding each. Older holds cannot
 * be in the way of a loan starting today or later, nor of a renumbering (which only moves holds
 * starting today or later: one started earlier keeps its unit).
 */
export async function selectItemHolds(db: Database, itemId: string, today: string) {
  return db
    .select({
      lineId: bookingUnits.lineId,
      unitNumber: bookingUnits.unitNumber,
      heldFrom: bookingUnits.heldFrom,
      heldUntil: bookingUnits.heldUntil,
    })
    .from(bookingUnits)
    .where(heldFromToday(itemId, today));
}

function heldFromToday(itemId: string, today: string) {
  return and(eq(bookingUnits.itemId, itemId), sql`${bookingUnits.heldUntil} > ${today}::date`);
}

/**
 * Locks (shared, in id order) the loans holding units of the item from `today` on: while their units are
 * renumbered, none of them can be cancelled or returned, which would release units in between.
 */
export async function lockLoansHolding(db: Database, itemId: string, today: string) {
  await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      inArray(
        bookings.id,
        db
          .select({ id: bookingLines.bookingId })
          .from(bookingLines)
          .innerJoin(bookingUnits, eq(bookingUnits.lineId, bookingLines.id))
          .where(heldFromToday(itemId, today)),
      ),
    )
    .orderBy(asc(bookings.id))
    .for('share');
}

/** Gives held units new numbers: all moved rows go, then come back, so no step ever overlaps. */
export async function renumberUnits(db: Database, moves: Array<{ lineId: string; from: number; to: number }>) {
  if (moves.length === 0) return;
  const removed = await db
    .delete(bookingUnits)
    .where(
      or(...moves.map((move) => and(eq(bookingUnits.lineId, move.lineId), eq(bookingUnits.unitNumber, move.from)))),
    )
    .returning();
  await insertUnits(
    db,
    removed.map((row) => ({
      ...row,
      unitNumber: moves.find((move) => move.lineId === row.lineId && move.from === row.unitNumber)!.to,
    })),
  );
}

export async function selectEvents(db: Database, bookingId: string) {
  return db
    .select({
      action: bookingEvents.action,
      fromStatus: bookingEvents.fromStatus,
      toStatus: bookingEvents.toStatus,
      party: bookingEvents.party,
      actorId: users.id,
      actorName: users.name,
      note: bookingEvents.note,
      reasonCode: sql<DeclineCode | 'no_answer' | null>`${bookingEvents.reasonCode}`,
      at: bookingEvents.createdAt,
    })
    .from(bookingEvents)
    .leftJoin(users, eq(users.id, bookingEvents.actorId))
    .where(eq(bookingEvents.bookingId, bookingId))
    .orderBy(asc(bookingEvents.id));
}

/**
 * The other requests still waiting for some of these items on days that overlap, the item's
 * buffer included (a request starting the day after the loan ends competes when the item rests
 * in between): after an acceptance, those that can no longer be served are told so.
 */
export async function selectCompetingRequests(
  db: Database,
  bookingId: string,
  itemIds: string[],
  startDate: string,
  endDate: string,
) {
  return (
    db
      .selectDistinct({ id: bookings.id, startDate: bookings.startDate, endDate: bookings.endDate })
      .from(bookings)
      .innerJoin(bookingLines, eq(bookingLines.bookingId, bookings.id))
      .innerJoin(items, eq(items.id, bookingLines.itemId))
      .where(
        and(
          eq(bookings.status, 'requested'),
          ne(bookings.id, bookingId),
          inArray(bookingLines.itemId, itemIds),
          sql`${bookings.startDate} <= ${endDate}::date + ${items.bufferDays} and ${bookings.endDate} + ${items.bufferDays} >= ${startDate}::date`,
        ),
      )
      // Declined in id order: two acceptances declining the same requests never wait on each other in a circle.
      .orderBy(asc(bookings.id))
  );
}

export async function selectMessages(db: Database, bookingId: string) {
  return db
    .select({
      id: bookingMessages.id,
      body: bookingMessages.body,
      authorId: users.id,
      authorName: users.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      createdAt: bookingMessages.createdAt,
      hidden: sql<boolean>`${bookingMessages.hiddenAt} is not null`,
    })
    .from(bookingMessages)
    .innerJoin(organisations, eq(organisations.id, bookingMessages.authorOrganisationId))
    .leftJoin(users, eq(users.id, bookingMessages.authorId))
    .where(eq(bookingMessages.bookingId, bookingId))
    .orderBy(asc(bookingMessages.createdAt), asc(bookingMessages.id));
}

export async function insertMessage(db: Database, message: typeof bookingMessages.$inferInsert) {
  const [row] = await db.insert(bookingMessages).values(message).returning({ id: bookingMessages.id });
  return row!;
}

/**
 * The listings among `ids` still lendable (published, their structure active), locked FOR SHARE
 * until the request commits: an archive, a moderator's hiding or a deletion either happened
 * before (and the request is refused) or waits for it (and finds the request).
 */
export async function lockLendable(tx: Database, kind: 'item' | 'service', ids: string[]): Promise<string[]> {
  const table = kind === 'item' ? items : services;
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .innerJoin(organisations, eq(organisations.id, table.organisationId))
    .where(and(inArray(table.id, ids), eq(table.status, 'published'), eq(organisations.status, 'active')))
    .orderBy(table.id)
    .for('share');
  return rows.map((row) => row.id);
}
