import type { Actor } from '../auth/actor.ts';
import { availableActions, isOverdue } from '../domain/booking-lifecycle.ts';
import type { Booking } from '../domain/bookings.ts';
import { parisToday } from '../domain/calendar-days.ts';
import type { Database } from '../db/client.ts';
import { sidesOf } from './parties.ts';
import { type BookingWithParties, selectLines } from './queries.ts';

/** Bookings as the API shows them to `actor`: lines, both parties, and what the actor may do now. */
export async function presentBookings(
  db: Database,
  actor: Actor | null,
  rows: BookingWithParties[],
): Promise<Booking[]> {
  const lines = await selectLines(
    db,
    rows.map((row) => row.booking.id),
  );
  const today = parisToday();
  return rows.map(({ booking, lender, borrower, requestedBy, service }) => {
    const sides = sidesOf(actor, booking);
    const role = sides[0] ?? 'borrower';
    const actions = [...new Set(sides.flatMap((side) => availableActions(booking, side)))];
    return {
      id: booking.id,
      kind: booking.kind,
      status: booking.status,
      overdue: booking.kind === 'item' && isOverdue({ status: booking.status, endDate: booking.endDate! }, today),
      groupId: booking.groupId,
      lines: lines
        .filter((line) => line.bookingId === booking.id)
        .map(({ itemId, title, quantity }) => ({ itemId, title, quantity })),
      service: service?.id ? { id: service.id, title: service.title } : null,
      startDate: booking.startDate,
      endDate: booking.endDate,
      startsAt: booking.startsAt?.toISOString() ?? null,
      endsAt: booking.endsAt?.toISOString() ?? null,
      lender: { id: lender.id, name: lender.name, kind: lender.kind, city: lender.city },
      borrower: { id: borrower.id, name: borrower.name, kind: borrower.kind, city: borrower.city },
      requestedBy: requestedBy?.id ? { id: requestedBy.id, name: requestedBy.name } : null,
      message: booking.message,
      answer: booking.answer,
      declineCode: booking.declineCode as Booking['declineCode'],
      cancelReason: booking.cancelReason,
      returnCondition: booking.returnCondition,
      incidentNote: booking.incidentNote,
      feedback: booking.feedback,
      expiresAt: booking.status === 'requested' ? (booking.expiresAt?.toISOString() ?? null) : null,
      createdAt: booking.createdAt.toISOString(),
      updatedAt: booking.updatedAt.toISOString(),
      viewer: { role, actions },
    };
  });
}
