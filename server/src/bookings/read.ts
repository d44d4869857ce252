import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import type { BookingStatus } from '../domain/booking-lifecycle.ts';
import type { Booking, BookingListQuery } from '../domain/bookings.ts';
import { addDays, parisToday } from '../domain/calendar-days.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import { AppError } from '../domain/errors.ts';
import { requireAccess } from '../access/require-access.ts';
import { presentBookings } from './present.ts';
import { selectBookings, selectEvents, selectGroup } from './queries.ts';

const notFound = () => new AppError('not_found', 'Demande introuvable.');

/** The structures the actor acts for (active memberships), or the one asked for among them. */
function actingOrganisations(actor: Actor, organisationId?: string): string[] {
  const ids = actor.memberships.filter((m) => m.status === 'active').map((m) => m.organisation.id);
  if (organisationId === undefined) return ids;
  if (!ids.includes(organisationId)) throw new AppError('not_found', 'Structure introuvable.');
  return [organisationId];
}

export async function getBooking(db: Database, actor: Actor, id: string) {
  await requireAccess(db, actor, 'booking.view', { booking: id });
  const [row] = await selectBookings(db, eq(bookings.id, id));
  if (!row) throw notFound();
  const [booking] = await presentBookings(db, actor, [row]);
  const events = await selectEvents(db, id);
  return {
    ...booking!,
    events: events.map(({ actorId, actorName, at, ...event }) => ({
      ...event,
      actor: actorId ? { id: actorId, name: actorName! } : null,
      at: at.toISOString(),
    })),
  };
}

/** GET /bookings?as=…: the caller's requests (borrower) or those its structures received (lender), newest first. */
export async function listBookings(db: Database, actor: Actor, query: BookingListQuery) {
  const limit = query.limit ?? 30;
  const organisations = actingOrganisations(actor, query.organisationId);
  if (organisations.length === 0) return { items: [], nextCursor: null };
  const side = query.as === 'lender' ? bookings.lenderOrganisationId : bookings.borrowerOrganisationId;
  const conditions: SQL[] = [inArray(side, organisations)];
  if (query.status) conditions.push(eq(bookings.status, query.status));
  if (query.cursor) {
    // Its shape ([createdKey, id]) was checked with the query: the `booking-cursor` format of domain/cursor-shapes.ts.
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    conditions.push(
      sql`(${bookings.createdAt} < ${createdAt}::timestamptz or (${bookings.createdAt} = ${createdAt}::timestamptz and ${bookings.id} < ${id}::uuid))`,
    );
  }
  const rows = await selectBookings(db, and(...conditions)!, { limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await presentBookings(db, actor, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdKey, last.booking.id]) : null,
  };
}

/** The first day of a booking, items and services alike, as a Paris day. */
const firstDay = sql`coalesce(${bookings.startDate}, (${bookings.startsAt} at time zone 'Europe/Paris')::date)`;
const lastDay = sql`coalesce(${bookings.endDate}, (${bookings.endsAt} at time zone 'Europe/Paris')::date)`;

/** What needs attention now, on both sides, for every structure the caller acts for. */
export async function getDashboard(db: Database, actor: Actor) {
  const today = parisToday();
  const soon = addDays(today, 7);
  const organisations = actingOrganisations(actor);
  const empty = {
    today,
    lender: { toAnswer: [], pickups: [], returns: [], overdue: [] },
    borrower: { requests: [], loans: [] },
  };
  if (organisations.length === 0) return empty;
  const asLender = inArray(bookings.lenderOrganisationId, organisations);
  const asBorrower = inArray(bookings.borrowerOrganisationId, organisations);
  const byStart = { orderBy: [asc(firstDay), asc(bookings.id)], limit: 50 };
  const byEnd = { orderBy: [asc(lastDay), asc(bookings.id)], limit: 50 };
  const status = (value: BookingStatus) => eq(bookings.status, value);
  const [toAnswer, pickups, returns, overdue, requests, loans] = await Promise.all([
    selectBookings(db, and(asLender, status('requested'))!, byStart),
    selectBookings(db, and(asLender, status('accepted'), sql`${firstDay} <= ${soon}::date`)!, byStart),
    selectBookings(
      db,
      and(asLender, status('picked_up'), sql`${lastDay} between ${today}::date and ${soon}::date`)!,
      byEnd,
    ),
    selectBookings(db, and(asLender, status('picked_up'), sql`${lastDay} < ${today}::date`)!, byEnd),
    selectBookings(db, and(asBorrower, status('requested'))!, byStart),
    selectBookings(db, and(asBorrower, inArray(bookings.status, ['accepted', 'picked_up']))!, byStart),
  ]);
  const present = (rows: typeof toAnswer) => presentBookings(db, actor, rows);
  return {
    today,
    lender: {
      toAnswer: await present(toAnswer),
      pickups: await present(pickups),
      returns: await present(returns),
      overdue: await present(overdue),
    },
    borrower: { requests: await present(requests), loans: await present(loans) },
  };
}

/** A « panier » and the overall state the borrower sees first. */
export async function getGroup(db: Database, actor: Actor, id: string) {
  const group = await selectGroup(db, id);
  if (!group) throw new AppError('not_found', 'Demande introuvable.');
  const rows = await selectBookings(db, eq(bookings.groupId, id), {
    orderBy: [asc(bookings.createdAt), asc(bookings.id)],
  });
  const visible = rows.filter((row) =>
    actingOrganisations(actor).some(
      (org) => org === row.booking.borrowerOrganisationId || org === row.booking.lenderOrganisationId,
    ),
  );
  if (visible.length === 0) throw new AppError('not_found', 'Demande introuvable.');
  // A lender sees only its own part of someone else's basket.
  const borrowerSide = actingOrganisations(actor).includes(group.borrowerOrganisationId);
  const shown = borrowerSide ? rows : visible;
  const presented = await presentBookings(db, actor, shown);
  return {
    id: group.id,
    startDate: group.startDate,
    endDate: group.endDate,
    state: groupState(presented),
    bookings: presented,
  };
}

export function groupState(
  parts: Array<Pick<Booking, 'status'>>,
): 'waiting' | 'accepted' | 'partly_accepted' | 'refused' | 'cancelled' | 'finished' {
  const statuses = parts.map((part) => part.status);
  const ongoing = (status: BookingStatus) => ['accepted', 'picked_up'].includes(status);
  const finished = (status: BookingStatus) => ['returned', 'done', 'closed'].includes(status);
  if (statuses.includes('requested')) return 'waiting';
  if (statuses.every(finished)) return 'finished';
  if (statuses.every((status) => ongoing(status) || finished(status))) return 'accepted';
  if (statuses.some((status) => ongoing(status) || finished(status))) return 'partly_accepted';
  if (statuses.every((status) => status === 'cancelled')) return 'cancelled';
  return 'refused';
}
