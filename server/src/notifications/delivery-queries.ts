import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { events } from '../db/schema/events.ts';
import { notifications } from '../db/schema/notifications.ts';
import { users } from '../db/schema/users.ts';

export type EmailRow = typeof notifications.$inferSelect;

/**
 * Takes one email for sending, if it is due and nobody holds it: a compare-and-set, so of two
 * workers (or a job run twice, or re-run after its expiry) one only gets it. A holder that
 * crashed loses it when its lease ends.
 */
export async function claimEmail(db: Database, id: number, leaseSeconds: number): Promise<EmailRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({
      status: 'sending',
      attempts: sql`${notifications.attempts} + 1`,
      claimedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.channel, 'email'),
        or(
          and(inArray(notifications.status, ['queued', 'retrying']), lte(notifications.nextAttemptAt, sql`now()`)),
          and(eq(notifications.status, 'sending'), lt(notifications.claimedUntil, sql`now()`)),
        ),
      ),
    )
    .returning();
  return row;
}

export async function selectEvent(db: Database, id: number) {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

export async function selectRecipientName(db: Database, userId: string | null) {
  if (!userId) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/**
 * Ends a claim, only while still holding it (the attempt it claimed is still the last one): a
 * worker whose lease ran out never overwrites the outcome of the one that took the email after it.
 */
export async function settleEmail(db: Database, claim: Pick<EmailRow, 'id' | 'attempts'>, outcome: Partial<EmailRow>) {
  const [row] = await db
    .update(notifications)
    .set({ ...outcome, claimedUntil: null })
    .where(
      and(
        eq(notifications.id, claim.id),
        eq(notifications.status, 'sending'),
        eq(notifications.attempts, claim.attempts),
      ),
    )
    .returning({ id: notifications.id });
  return Boolean(row);
}

export async function saveRendered(
  db: Database,
  id: number,
  rendered: Pick<EmailRow, 'subject' | 'textBody' | 'htmlBody' | 'calendar' | 'messageId'>,
) {
  await db.update(notifications).set(rendered).where(eq(notifications.id, id));
}

export async function markAddressUndeliverable(db: Database, address: string, reason: string) {
  await db
    .update(users)
    .set({ emailUndeliverableAt: new Date(), emailUndeliverableReason: reason })
    .where(eq(users.email, address));
}

/** Emails due that no job may be carrying any more (lost, expired, or a crashed holder): the sweep wakes them again. */
export async function selectStrandedEmails(db: Database, olderThanSeconds: number, limit: number) {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      or(
        and(
          inArray(notifications.status, ['queued', 'retrying']),
          lte(notifications.nextAttemptAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
        ),
        and(eq(notifications.status, 'sending'), lt(notifications.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(notifications.nextAttemptAt)
    .limit(limit);
  return rows.map((row) => row.id);
}
