import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { BookingStatus } from '../domain/booking-lifecycle.ts';
import { addDays } from '../domain/calendar-days.ts';

/** A booking as a calendar event sees it, from the side of one structure. */
export type CalendarBooking = {
  id: string;
  /** Whether the structure whose calendar this is lends or borrows. */
  side: 'lender' | 'borrower';
  kind: 'item' | 'service';
  status: BookingStatus;
  revision: number;
  startDate: string | null;
  endDate: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  what: string;
  lenderName: string;
  borrowerName: string;
  pickupPlace: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const statusLabels: Record<BookingStatus, string> = {
  requested: 'en attente de réponse',
  accepted: 'accepté',
  declined: 'refusé',
  cancelled: 'annulé',
  expired: 'expiré',
  picked_up: 'en cours',
  returned: 'rendu',
  done: 'réalisé',
  closed: 'clôturé',
};

/** A Paris calendar day as an all-day iCal date (VALUE=DATE): written from its UTC parts, so no zone can shift it. */
function allDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

type CalendarOptions = {
  name: string;
  publicUrl: string;
  /** publish: a file to add; request / cancel: an invitation in an email (RFC 5546), which needs an organizer. */
  method?: 'publish' | 'request' | 'cancel';
  organizer?: { name: string; email: string };
};

const methods = {
  publish: ICalCalendarMethod.PUBLISH,
  request: ICalCalendarMethod.REQUEST,
  cancel: ICalCalendarMethod.CANCEL,
};

function eventStatus(status: BookingStatus): ICalEventStatus {
  if (status === 'requested') return ICalEventStatus.TENTATIVE;
  if (['declined', 'cancelled', 'expired'].includes(status)) return ICalEventStatus.CANCELLED;
  return ICalEventStatus.CONFIRMED;
}

/**
 * An iCal document of bookings. UIDs are the booking ids and SEQUENCE its revision, so a
 * subscribed calendar updates an event in place (and drops a cancelled one) instead of
 * duplicating it. Loans are all-day events: DTEND is the day after the last day, as RFC 5545 says.
 */
export function bookingsCalendar(options: CalendarOptions, bookings: CalendarBooking[]): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Mutua', product: 'prets', language: 'FR' },
    timezone: null,
    ttl: 15 * 60,
  });
  if (options.method) calendar.method(methods[options.method]);
  for (const booking of bookings) {
    const lending = booking.side === 'lender';
    const summary = `${lending ? 'Prêt' : 'Emprunt'} : ${booking.what} (${lending ? booking.borrowerName : booking.lenderName})`;
    const url = `${options.publicUrl}/prets/${booking.id}`;
    const timing =
      booking.kind === 'item'
        ? { start: allDay(booking.startDate!), end: allDay(addDays(booking.endDate!, 1)), allDay: true }
        : { start: booking.startsAt!, end: booking.endsAt! };
    calendar.createEvent({
      id: `booking-${booking.id}@mutua`,
      sequence: booking.revision,
      ...timing,
      summary,
      description: `${booking.what}\nPrêteur : ${booking.lenderName}\nEmprunteur : ${booking.borrowerName}\nStatut : ${statusLabels[booking.status]}\n${url}`,
      location: booking.pickupPlace ?? undefined,
      url,
      status: eventStatus(booking.status),
      created: booking.createdAt,
      lastModified: booking.updatedAt,
      stamp: booking.updatedAt,
      organizer: options.organizer,
    });
  }
  return calendar.toString();
}
