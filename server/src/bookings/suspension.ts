import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { organisations } from '../db/schema/organisations.ts';
import type { DeclineCode } from '../domain/notifications.ts';
import { nextRevision } from './queries.ts';
import { recordBookingStep } from './steps.ts';

/**
 * A suspended structure no longer trades: the requests it made and the ones made to it, while
 * they wait for an answer, are declined by the platform (`borrower_suspended`,
 * `lender_suspended`), each with its step and its notifications in the caller's transaction.
 * For the suspension action (moderation), in its own transaction; a structure that is not (or
 * no longer) suspended is left alone. Answers how many requests it declined.
 */
export async function declineRequestsOfSuspended(db: Database, organisationId: string): Promise<number> {
  return declineWaitingRequests(db, eq(organisations.id, organisationId));
}

/**
 * The periodic sweep: declines the waiting requests of every suspended structure, at most
 * `batchSize` a tick; one statement, which finds nothing once they are all answered.
 */
export async function sweepRequestsOfSuspended(db: Database, now: Date = new Date()): Promise<number> {
  return declineWaitingRequests(db, undefined, now);
}

/** Enough for a structure's waiting requests in one tick, few enough not to hold accepts back for long. */
const batchSize = 500;

async function declineWaitingRequests(db: Database, only: SQL | undefined, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const suspended = sql`array(${tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.status, 'suspended'), only))})`;
    // The asking side first: a request whose two sides are suspended is the borrower's to lose.
    const code = sql<DeclineCode>`case when (select ${organisations.status} from ${organisations}
      where ${organisations.id} = ${bookings.borrowerOrganisationId}) = 'suspended'
      then 'borrower_suspended' else 'lender_suspended' end`;
    // A compare-and-set like every step: a request answered meanwhile is no longer `requested`, and is left as it is.
    const declined = await tx
      .update(bookings)
      .set({
        status: 'declined',
        declineCode: code,
        answer: null,
        expiresAt: null,
        updatedAt: now,
        revision: nextRevision,
      })
      .where(
        // In id order, like the declines an accept makes, and skipping a request another step holds
        // (an accept, a cancel): it is seen again at the next tick if it is still waiting.
        sql`${bookings.id} in (${tx
          .select({ id: bookings.id })
          .from(bookings)
          .where(
            and(
              eq(bookings.status, 'requested'),
              // One bitmap scan of bookings_borrower_idx and bookings_lender_idx each, for the few suspended structures.
              or(
                sql`${bookings.borrowerOrganisationId} = any(${suspended})`,
                sql`${bookings.lenderOrganisationId} = any(${suspended})`,
              ),
            ),
          )
          .orderBy(bookings.id)
          .limit(batchSize)
          .for('update', { skipLocked: true })})`,
      )
      .returning({ id: bookings.id, revision: bookings.revision, declineCode: bookings.declineCode });
    declined.sort((a, b) => a.id.localeCompare(b.id));
    for (const { id, revision, declineCode } of declined) {
      await recordBookingStep(
        tx,
        {
          bookingId: id,
          action: 'decline',
          fromStatus: 'requested',
          toStatus: 'declined',
          party: 'system',
          actorId: null,
          reasonCode: declineCode,
        },
        revision,
      );
    }
    return declined.length;
  });
}
