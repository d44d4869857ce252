import { and, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { lineOrder } from '../bookings/queries.ts';
import type { Database } from '../db/client.ts';
import { bookingEvents, bookingLines, bookings, calendarFeeds } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';

export async function selectFeed(db: Database, organisationId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.organisationId, organisationId));
  return row;
}

/** Creates the feed, or gives it a new token: the old URL stops working at once. */
export async function saveFeed(db: Database, organisationId: string, token: string, createdBy: string) {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ organisationId, token, createdBy })
    .onConflictDoUpdate({ target: calendarFeeds.organisationId, set: { token, createdBy, createdAt: new Date() } })
    .returning();
  return row!;
}

/** A new token for an existing feed only (a structure without one keeps none). */
export async function replaceFeedToken(db: Database, organisationId: string, token: string) {
  await db.update(calendarFeeds).set({ token }).where(eq(calendarFeeds.organisationId, organisationId));
}

export async function deleteFeed(db: Database, organisationId: string) {
  const rows = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.organisationId, organisationId))
    .returning({ id: calendarFeeds.organisationId });
  return rows.length > 0;
}

export async function selectFeedOwner(db: Database, token: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
    .where(eq(calendarFeeds.token, token));
  return row;
}

const lender = alias(organisations, 'lender');
const borrower = alias(organisations, 'borrower');

/** When a booking starts, items (Paris days) and services (instants) alike: at midnight in Paris for a day. */
const startsAt = sql`coalesce(${bookings.startsAt}, ${bookings.startDate}::timestamp at time zone 'Europe/Paris')`;

/** At most this many bookings in a feed: the latest by start, so a busy past never pushes the coming loans out. */
const feedLimit = 2000;

/**
 * The bookings a calendar shows: by id, or those of a structure (both sides) from `since` on,
 * by start then id. Their lines come by item title then line id, as the bookings API lists them.
 */
export async function selectCalendarBookings(
  db: Database,
  scope: { bookingId: string } | { organisationId: string; since: string },
) {
  const where =
    'bookingId' in scope
      ? eq(bookings.id, scope.bookingId)
      : and(
          or(
            eq(bookings.lenderOrganisationId, scope.organisationId),
            eq(bookings.borrowerOrganisationId, scope.organisationId),
          ),
          sql`coalesce(${bookings.endDate}, (${bookings.endsAt} at time zone 'Europe/Paris')::date) >= ${scope.since}::date`,
          // Refused or lapsed requests never were on a calendar, unless recently: then they leave it as cancelled.
          or(
            inArray(bookings.status, ['requested', 'accepted', 'picked_up', 'returned', 'done', 'closed']),
            gte(bookings.updatedAt, new Date(Date.now() - 30 * 24 * 3600 * 1000)),
          ),
        );
  const latestFirst = await db
    .select({
      booking: bookings,
      lenderName: lender.name,
      borrowerName: borrower.name,
      serviceTitle: services.title,
      serviceCity: services.city,
    })
    .from(bookings)
    .innerJoin(lender, eq(lender.id, bookings.lenderOrganisationId))
    .innerJoin(borrower, eq(borrower.id, bookings.borrowerOrganisationId))
    .leftJoin(services, eq(services.id, bookings.serviceId))
    .where(where!)
    .orderBy(desc(startsAt), desc(bookings.id))
    .limit(feedLimit);
  const rows = latestFirst.reverse();
  const lines = rows.length
    ? await db
        .select({
          bookingId: bookingLines.bookingId,
          title: items.title,
          quantity: bookingLines.quantity,
          address: items.pickupAddress,
          city: items.pickupCity,
        })
        .from(bookingLines)
        .innerJoin(items, eq(items.id, bookingLines.itemId))
        .where(
          inArray(
            bookingLines.bookingId,
            rows.map((row) => row.booking.id),
          ),
        )
        .orderBy(...lineOrder)
    : [];
  const linesOf = new Map<string, typeof lines>();
  for (const line of lines) {
    const ofBooking = linesOf.get(line.bookingId);
    if (ofBooking) ofBooking.push(line);
    else linesOf.set(line.bookingId, [line]);
  }
  return rows.map((row) => ({ ...row, lines: linesOf.get(row.booking.id) ?? [] }));
}

/** Whether the lender ever accepted the booking (it may have been cancelled since): its history says so. */
export async function selectWasAccepted(db: Database, bookingId: string) {
  const [row] = await db
    .select({ id: bookingEvents.id })
    .from(bookingEvents)
    .where(and(eq(bookingEvents.bookingId, bookingId), eq(bookingEvents.toStatus, 'accepted')))
    .limit(1);
  return row !== undefined;
}
