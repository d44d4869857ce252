import type { DigestEntry, EmailInputs } from '@mutua/emails';
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { loadActorByLink } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { items } from '../db/schema/items.ts';
import { memberships } from '../db/schema/memberships.ts';
import { notificationPreferences, notifications } from '../db/schema/notifications.ts';
import { organisations } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import { parisInstant, parisToday } from '../domain/calendar-days.ts';
import type { NotificationKind } from '../domain/notifications.ts';
import { enqueueInTransaction, queues } from '../jobs/queue.ts';
import { findableBy, viewerOf } from '../listings/visibility.ts';
import { emailInputOf, type InputContext } from './email-inputs.ts';
import { stillDue } from './reminders.ts';

/** The daily digest goes at this Paris time, to those who chose it for at least one kind. */
export const digestClock = '08:00';

/**
 * Records today's digest of each person due one: once a day (its occurrence key), after 8:00
 * Paris, when the last one really sent is older than today's 8:00. A server down at 8:00
 * records it when it is back. Answers how many it recorded.
 */
export async function recordDueDigests(db: Database, now: Date = new Date()): Promise<number> {
  const today = parisToday(now);
  const dueAt = parisInstant(today, digestClock);
  if (now < dueAt) return 0;
  const due = await db
    .selectDistinct({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.email, 'digest')),
    )
    .where(and(or(isNull(users.digestSentAt), lte(users.digestSentAt, dueAt)), isNull(users.emailUndeliverableAt)));
  let recorded = 0;
  for (const person of due) {
    const written = await db.transaction(async (tx) => {
      const [event] = await tx
        .insert(events)
        .values({
          type: 'digest.daily',
          userId: person.id,
          params: { day: today },
          occurrenceKey: `digest.daily:${person.id}:${today}`,
        })
        .onConflictDoNothing({ target: events.occurrenceKey })
        .returning({ id: events.id });
      if (!event) return false;
      const [email] = await tx
        .insert(notifications)
        .values({
          eventId: event.id,
          recipientId: person.id,
          toAddress: person.email,
          channel: 'email',
          kind: 'digest',
          locale: person.locale,
          dedupKey: `${event.id}:${person.id}:digest:email`,
          status: 'queued',
          nextAttemptAt: new Date(),
        })
        .returning({ id: notifications.id });
      await enqueueInTransaction(tx, [{ name: queues.deliverEmail, data: { notificationId: email!.id } }]);
      return true;
    });
    if (written) recorded += 1;
  }
  return recorded;
}

type DigestEvent = typeof events.$inferSelect;

/**
 * What the digest says, read when it goes: the emails held for it until the digest's event,
 * the requests waiting for the person's structures to answer, and what was published in their
 * networks and départements since the last digest. Null when there is nothing to say.
 */
export async function digestInputOf(
  db: Database,
  event: DigestEvent,
  digestId: number,
  context: InputContext,
): Promise<EmailInputs['digest'] | null> {
  const userId = event.userId!;
  const held = await heldFor(db, userId, event.createdAt);
  const entries: DigestEntry[] = [];
  const carried: number[] = [];
  const stale: number[] = [];
  for (const row of held) {
    // A held reminder is checked like any reminder: not for a loan cancelled or moved on since.
    const built = (await stillDue(db, row.kind as NotificationKind, row.event))
      ? await emailInputOf(db, row.kind as NotificationKind, row.event, { ...context, recipientId: userId })
      : null;
    if (built) {
      entries.push(built as DigestEntry);
      carried.push(row.id);
    } else stale.push(row.id);
  }
  if (stale.length > 0)
    await db
      .update(notifications)
      .set({ status: 'skipped', lastError: 'no_longer_true' })
      .where(and(inArray(notifications.id, stale), eq(notifications.status, 'held')));
  // Exactly these count as sent once the digest goes; anything held later waits for the next one.
  if (carried.length > 0)
    await db
      .update(notifications)
      .set({ digestId })
      .where(and(inArray(notifications.id, carried), eq(notifications.status, 'held')));
  const heldBookings = new Set(held.map((row) => row.event.bookingId));
  for (const waiting of await requestsWaitingFor(db, userId)) {
    if (heldBookings.has(waiting.id)) continue;
    const reminder = {
      ...event,
      type: 'reminder.answer_due',
      bookingId: waiting.id,
      params: { expiresAt: waiting.expiresAt?.toISOString() ?? event.createdAt.toISOString() },
    };
    const built = await emailInputOf(db, 'reminder.answer_due', reminder, { ...context, recipientId: userId });
    if (built) entries.push(built as DigestEntry);
  }
  const [person] = await db.select({ digestSentAt: users.digestSentAt }).from(users).where(eq(users.id, userId));
  const since = person?.digestSentAt ?? new Date(event.createdAt.getTime() - 24 * 3600 * 1000);
  const newListings = await newListingsNear(db, userId, since, context.publicUrl);
  if (entries.length === 0 && newListings.length === 0) return null;
  return { day: String(event.params.day), entries, newListings, url: `${context.publicUrl}/notifications` };
}

async function heldFor(db: Database, userId: string, until: Date) {
  return db
    .select({ id: notifications.id, kind: notifications.kind, event: events })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(
      and(
        eq(notifications.recipientId, userId),
        eq(notifications.channel, 'email'),
        eq(notifications.status, 'held'),
        isNull(notifications.digestId),
        lte(notifications.createdAt, until),
      ),
    )
    .orderBy(asc(notifications.id))
    .limit(50);
}

/** The requests the person's structures have not answered yet: what waits for them. */
async function requestsWaitingFor(db: Database, userId: string) {
  const own = db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')));
  return db
    .select({ id: bookings.id, expiresAt: bookings.expiresAt })
    .from(bookings)
    .where(and(eq(bookings.status, 'requested'), sql`${bookings.lenderOrganisationId} in ${own}`))
    .orderBy(asc(bookings.expiresAt))
    .limit(20);
}

/** Items published lately by other structures, that the person may see, in the départements of their structures. */
async function newListingsNear(db: Database, userId: string, since: Date, publicUrl: string) {
  const actor = await loadActorByLink(db, userId);
  if (!actor) return [];
  const own = actor.memberships.filter((m) => m.status === 'active').map((m) => m.organisation.id);
  if (own.length === 0) return [];
  const territories = db
    .select({ code: organisations.territoryCode })
    .from(organisations)
    .where(inArray(organisations.id, own));
  const viewer = await viewerOf(db, actor);
  const rows = await db
    .select({ id: items.id, title: items.title, city: items.pickupCity, organisationName: organisations.name })
    .from(items)
    .innerJoin(organisations, eq(organisations.id, items.organisationId))
    .where(
      and(
        findableBy(viewer, items),
        gt(items.createdAt, since),
        sql`${items.territoryCode} in ${territories}`,
        sql`${items.organisationId} not in ${own}`,
      ),
    )
    .orderBy(desc(items.createdAt))
    .limit(10);
  return rows.map((row) => ({
    title: row.title,
    organisationName: row.organisationName,
    city: row.city ?? '',
    url: `${publicUrl}/materiel/${row.id}`,
  }));
}

/** Once the digest really went: what it carried counts as sent, and the day's digest is done. */
export async function settleDigest(db: Database, digest: { id: number; recipientId: string | null }) {
  await db.transaction(async (tx) => {
    await tx
      .update(notifications)
      .set({ status: 'sent', sentAt: sql`now()` })
      .where(and(eq(notifications.digestId, digest.id), eq(notifications.status, 'held')));
    await tx
      .update(users)
      .set({ digestSentAt: sql`now()` })
      .where(eq(users.id, digest.recipientId!));
  });
}
