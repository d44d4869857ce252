import { randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { acceptedOnward } from '../domain/booking-lifecycle.ts';
import { addDays, parisToday } from '../domain/calendar-days.ts';
import { AppError } from '../domain/errors.ts';
import { bookingsCalendar, type CalendarBooking } from './ical.ts';
import {
  deleteFeed,
  replaceFeedToken,
  saveFeed,
  selectCalendarBookings,
  selectFeed,
  selectFeedOwner,
  selectWasAccepted,
} from './queries.ts';

export type CalendarSettings = { publicUrl: string };

const newFeedToken = () => randomBytes(24).toString('base64url');

const feedUrl = (settings: CalendarSettings, token: string) => `${settings.publicUrl}/api/calendar/${token}.ics`;

export async function getFeed(db: Database, actor: Actor, organisationId: string, settings: CalendarSettings) {
  await requireAccess(db, actor, 'calendar.view', { organisation: organisationId });
  const feed = await selectFeed(db, organisationId);
  if (!feed) throw new AppError('not_found', 'Pas encore d’agenda pour cette structure : créez son lien.');
  return { url: feedUrl(settings, feed.token), createdAt: feed.createdAt.toISOString() };
}

/** Creates or renews the private feed of a structure; the previous URL stops working. */
export async function renewFeed(db: Database, actor: Actor, organisationId: string, settings: CalendarSettings) {
  await requireAccess(db, actor, 'calendar.manage', { organisation: organisationId });
  const feed = await saveFeed(db, organisationId, newFeedToken(), actor.user.id);
  return { url: feedUrl(settings, feed.token), createdAt: feed.createdAt.toISOString() };
}

/** Someone left the structure with its feed URL: the feed gets a new one, in the same transaction. */
export async function renewFeedAfterDeparture(tx: Database, organisationId: string) {
  await replaceFeedToken(tx, organisationId, newFeedToken());
}

export async function revokeFeed(db: Database, actor: Actor, organisationId: string) {
  await requireAccess(db, actor, 'calendar.manage', { organisation: organisationId });
  if (!(await deleteFeed(db, organisationId))) throw new AppError('not_found', 'Pas d’agenda à désactiver.');
}

/** The feed itself: the token is the only key, so an unknown one is a plain 404. */
export async function feedCalendar(db: Database, token: string, settings: CalendarSettings) {
  const owner = await selectFeedOwner(db, token);
  if (!owner) throw new AppError('not_found', 'Agenda introuvable (le lien a peut-être été renouvelé).');
  const rows = await selectCalendarBookings(db, { organisationId: owner.id, since: addDays(parisToday(), -180) });
  return bookingsCalendar(
    { name: `Mutua · ${owner.name}`, publicUrl: settings.publicUrl },
    rows.map((row) => toCalendarBooking(row, owner.id)),
  );
}

/**
 * One loan as an .ics file, for its two structures, once it has been accepted: still on, over,
 * or cancelled after (the file then removes it from a calendar). A request, even cancelled, never was on one.
 */
export async function bookingCalendar(db: Database, actor: Actor, bookingId: string, settings: CalendarSettings) {
  const { sides } = await requireAccess(db, actor, 'booking.view', { booking: bookingId });
  const [row] = await selectCalendarBookings(db, { bookingId });
  if (!row) throw new AppError('not_found', 'Demande introuvable.');
  const accepted =
    acceptedOnward.has(row.booking.status) ||
    (row.booking.status === 'cancelled' && (await selectWasAccepted(db, bookingId)));
  if (!accepted) {
    throw new AppError('booking_out_of_order', 'Ce prêt n’a pas été accepté : il n’a pas de place dans un agenda.');
  }
  const viewpoint = sides[0] === 'lender' ? row.booking.lenderOrganisationId : row.booking.borrowerOrganisationId;
  return bookingsCalendar({ name: 'Mutua', publicUrl: settings.publicUrl, method: 'publish' }, [
    toCalendarBooking(row, viewpoint),
  ]);
}

/**
 * The invitation an email carries for a loan: REQUEST when it is accepted, CANCEL when an
 * accepted loan is called off — same UID as the feed, SEQUENCE the revision of that step.
 */
export async function invitationCalendar(
  db: Database,
  bookingId: string,
  viewpoint: 'lender' | 'borrower',
  step: { method: 'request' | 'cancel'; revision: number },
  options: { publicUrl: string; organizer: { name: string; email: string } },
) {
  const [row] = await selectCalendarBookings(db, { bookingId });
  if (!row) return null;
  const organisationId = viewpoint === 'lender' ? row.booking.lenderOrganisationId : row.booking.borrowerOrganisationId;
  const booking = {
    ...toCalendarBooking(row, organisationId),
    revision: step.revision,
    status: step.method === 'cancel' ? ('cancelled' as const) : ('accepted' as const),
  };
  return bookingsCalendar(
    { name: 'Mutua', publicUrl: options.publicUrl, method: step.method, organizer: options.organizer },
    [booking],
  );
}

function toCalendarBooking(
  row: Awaited<ReturnType<typeof selectCalendarBookings>>[number],
  organisationId: string,
): CalendarBooking {
  const { booking, lines } = row;
  const what =
    booking.kind === 'service'
      ? (row.serviceTitle ?? 'Service')
      : lines.map((line) => (line.quantity > 1 ? `${line.quantity} × ${line.title}` : line.title)).join(', ');
  const place =
    booking.kind === 'service'
      ? row.serviceCity
      : lines[0]
        ? [lines[0].address, lines[0].city].filter(Boolean).join(', ')
        : null;
  return {
    id: booking.id,
    side: booking.lenderOrganisationId === organisationId ? 'lender' : 'borrower',
    kind: booking.kind,
    status: booking.status,
    revision: booking.revision,
    startDate: booking.startDate,
    endDate: booking.endDate,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    what,
    lenderName: row.lenderName,
    borrowerName: row.borrowerName,
    pickupPlace: place,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
  };
}
