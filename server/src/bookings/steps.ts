import type { Database } from '../db/client.ts';
import type { BookingAction } from '../domain/booking-lifecycle.ts';
import { type EventType, recordEvent } from '../events/record.ts';
import { insertEvent, type NewEventRow } from './queries.ts';

/** The event each step records (what the notifications read). */
export const bookingEventTypes: Record<BookingAction | 'request', EventType> = {
  request: 'booking.requested',
  accept: 'booking.accepted',
  decline: 'booking.declined',
  cancel: 'booking.cancelled',
  expire: 'booking.expired',
  pickup: 'booking.picked_up',
  return: 'booking.returned',
  done: 'booking.done',
  close: 'booking.closed',
};

/**
 * One step of a booking, in the caller's transaction: its line in the booking's timeline and the
 * event the notifications derive from. `revision` is the booking's after the step (the SEQUENCE
 * of the calendar invitation an email carries).
 */
export async function recordBookingStep(
  tx: Database,
  step: NewEventRow & { action: BookingAction | 'request' },
  revision: number,
) {
  await insertEvent(tx, step);
  await recordEvent(tx, {
    type: bookingEventTypes[step.action],
    actorId: step.actorId ?? null,
    bookingId: step.bookingId,
    params: {
      party: step.party,
      fromStatus: step.fromStatus ?? null,
      revision,
      ...(step.reasonCode ? { reasonCode: step.reasonCode } : {}),
    },
  });
}
