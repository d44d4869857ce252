import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { nextRevision } from '../bookings/queries.ts';
import { recordBookingStep } from '../bookings/steps.ts';

/**
 * A suspended person no longer trades: the requests they made that still wait for an answer are
 * declined by the platform (`requester_suspended`), each with its step and its notifications, in
 * the caller's transaction — the person's counterpart of bookings/suspension.ts. In id order,
 * like the declines an accept makes; a request answered meanwhile is no longer `requested` and
 * is left as it is. Answers how many it declined.
 */
export async function declineRequestsOfSuspendedPerson(tx: Database, userId: string): Promise<number> {
  const declined = await tx
    .update(bookings)
    .set({
      status: 'declined',
      declineCode: 'requester_suspended',
      answer: null,
      expiresAt: null,
      updatedAt: new Date(),
      revision: nextRevision,
    })
    .where(
      sql`${bookings.id} in (${tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(eq(bookings.requestedBy, userId), eq(bookings.status, 'requested')))
        .orderBy(bookings.id)
        .for('update')})`,
    )
    .returning({ id: bookings.id, revision: bookings.revision });
  declined.sort((a, b) => a.id.localeCompare(b.id));
  for (const { id, revision } of declined) {
    await recordBookingStep(
      tx,
      {
        bookingId: id,
        action: 'decline',
        fromStatus: 'requested',
        toStatus: 'declined',
        party: 'system',
        actorId: null,
        reasonCode: 'requester_suspended',
      },
      revision,
    );
  }
  return declined.length;
}
