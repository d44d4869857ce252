import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookingEvents, bookingMessages, bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { memberships, networkRoles } from '../db/schema/memberships.ts';
import { charterReadings } from '../db/schema/networks.ts';
import { needResponses } from '../db/schema/needs.ts';
import { notificationPreferences, notifications } from '../db/schema/notifications.ts';
import { organisations } from '../db/schema/organisations.ts';
import { reports } from '../db/schema/reports.ts';
import { services } from '../db/schema/services.ts';
import { singleUseTokens } from '../db/schema/tokens.ts';
import { sessions, users } from '../db/schema/users.ts';
import type { BookingStatus } from '../domain/booking-lifecycle.ts';
import { loadPersonTarget } from '../access/targets.ts';

/** A loan still under way: someone must still answer, hand over or bring back. */
export const openLoanStatuses: BookingStatus[] = ['requested', 'accepted', 'picked_up'];

/**
 * What a message, a need's answer keeps of an erased author's words: one neutral mark (the
 * columns refuse a blank, and a sentence would be ours, not theirs). The author is gone
 * (author_id set null): the app says « message d'un compte supprimé ».
 */
export const erasedText = '…';

/** The networks of the person's structures: the admins who read the audit entries about them. */
export async function networksOfPerson(db: Database, userId: string): Promise<string[]> {
  return (await loadPersonTarget(db, userId))?.networkIds ?? [];
}

/**
 * The structures the person is the last active manager of (no other manager who stays) that
 * have loans under way, lent or borrowed: they cannot leave those without anyone to answer for them.
 */
export function selectLastManagedWithOpenLoans(db: Database, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'manager'),
        eq(memberships.status, 'active'),
        sql`not exists (select 1 from ${memberships} other_manager join ${users} other_person on other_person.id = other_manager.user_id
          where other_manager.organisation_id = ${memberships.organisationId} and other_manager.user_id <> ${userId}
          and other_manager.role = 'manager' and other_manager.status = 'active' and other_person.deletion_requested_at is null)`,
        sql`exists (select 1 from ${bookings} where (${bookings.lenderOrganisationId} = ${organisations.id}
          or ${bookings.borrowerOrganisationId} = ${organisations.id})
          and ${inArray(bookings.status, openLoanStatuses)})`,
      ),
    )
    .orderBy(organisations.name);
}

/** Starts the grace period, once: a second request keeps the first date. Null when one was already running. */
export async function startGracePeriod(db: Database, userId: string, graceDays: number) {
  const [row] = await db
    .update(users)
    .set({
      deletionRequestedAt: sql`now()`,
      eraseAfter: sql`now() + make_interval(days => ${graceDays})`,
    })
    .where(and(eq(users.id, userId), isNull(users.deletionRequestedAt)))
    .returning({ deletionRequestedAt: users.deletionRequestedAt, eraseAfter: users.eraseAfter });
  return row ?? null;
}

export async function selectDeletionRequest(db: Database, userId: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email, eraseAfter: users.eraseAfter })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** Signed out everywhere: every session of the person ends. */
export async function deleteAllSessions(db: Database, userId: string) {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}

/** The accounts whose grace period is over, oldest first. */
export async function selectDueErasures(db: Database, limit: number) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.eraseAfter), lte(users.eraseAfter, sql`now()`)))
    .orderBy(users.eraseAfter)
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Locks one due account for its erasure; null when it is no longer due (they signed in) or
 * another instance holds it.
 */
export async function lockDueAccount(db: Database, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.eraseAfter), lte(users.eraseAfter, sql`now()`)))
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** What is the person's alone goes: sessions, links, preferences, notifications to them, charter readings, places in structures and networks. */
export async function deleteOwnRows(db: Database, person: { id: string; email: string }) {
  await db.delete(sessions).where(eq(sessions.userId, person.id));
  await db
    .delete(singleUseTokens)
    .where(or(eq(singleUseTokens.userId, person.id), eq(sql`lower(${singleUseTokens.email})`, person.email)));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, person.id));
  await db
    .delete(notifications)
    .where(or(eq(notifications.recipientId, person.id), eq(sql`lower(${notifications.toAddress})`, person.email)));
  await db.delete(charterReadings).where(eq(charterReadings.userId, person.id));
  await db.delete(memberships).where(eq(memberships.userId, person.id));
  await db.delete(networkRoles).where(eq(networkRoles.userId, person.id));
}

/** The booking columns that hold what a step's author typed, by step. */
const typedWithStep = {
  accept: 'answer',
  decline: 'answer',
  cancel: 'cancelReason',
  return: 'incidentNote',
  close: 'feedback',
} as const;

/**
 * What they wrote inside shared history is blanked, the history itself stays: their messages
 * and answers to needs keep their place (and count) without their words, their requests lose
 * their message, their steps their notes, their reports their text.
 */
export async function blankTypedText(db: Database, userId: string) {
  await db.update(bookingMessages).set({ body: erasedText }).where(eq(bookingMessages.authorId, userId));
  await db.update(needResponses).set({ message: erasedText }).where(eq(needResponses.authorId, userId));
  await db.update(bookings).set({ message: '' }).where(eq(bookings.requestedBy, userId));
  for (const [action, column] of Object.entries(typedWithStep)) {
    await db
      .update(bookings)
      .set({ [column]: null })
      .where(
        sql`${bookings.id} in (select ${bookingEvents.bookingId} from ${bookingEvents} where ${bookingEvents.actorId} = ${userId}
          and ${bookingEvents.action} = ${action} and ${bookingEvents.note} is not null)`,
      );
  }
  await db.update(bookingEvents).set({ note: null }).where(eq(bookingEvents.actorId, userId));
  await db.update(reports).set({ text: '' }).where(eq(reports.reporterId, userId));
}

/**
 * Copies of their name or address outside their own rows: the structure's contact address
 * when it was theirs, a service's provider named after them, the rendered emails other people
 * received from their actions (the bell phrases from codes and keeps no text), and the events'
 * parameters that carry the address or the name (an invitation to their address).
 */
export async function scrubCopies(db: Database, person: { id: string; name: string; email: string }) {
  const needles = needlesOf(person);
  await db
    .update(organisations)
    .set({ contactEmail: null })
    .where(eq(sql`lower(${organisations.contactEmail})`, person.email));
  await db
    .update(services)
    .set({ providerName: '' })
    .where(sql`strpos(lower(${services.providerName}), ${person.name.trim().toLowerCase()}) > 0`);

  const rendered = sql`lower(concat_ws(' ', ${notifications.subject}, ${notifications.textBody}, ${notifications.htmlBody}, ${notifications.calendar}))`;
  await db
    .update(notifications)
    .set({ subject: null, textBody: null, htmlBody: null, calendar: null })
    .where(
      and(
        eq(notifications.channel, 'email'),
        or(
          sql`${notifications.eventId} in (select ${events.id} from ${events} where ${events.actorId} = ${person.id})`,
          ...needles.map((needle) => sql`strpos(${rendered}, ${needle}) > 0`),
        ),
      ),
    );

  const carrying = await db
    .select({ id: events.id, params: events.params })
    .from(events)
    .where(or(...needles.map((needle) => sql`strpos(lower(${events.params}::text), ${needle}) > 0`)));
  for (const event of carrying) {
    await db
      .update(events)
      .set({ params: redact(event.params, needles) as Record<string, unknown> })
      .where(eq(events.id, event.id));
  }
}

/** The last step: every `set null` reference (requested_by, author_id, actor_id, reviewed_by…) loses them. */
export async function deleteUser(db: Database, userId: string) {
  await db.delete(users).where(eq(users.id, userId));
}

/** Their address and name, as stored and as an HTML email writes them; too short a name would match everything. */
function needlesOf(person: { name: string; email: string }): string[] {
  const name = person.name.trim().toLowerCase();
  const escaped = name
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll("'", '&#39;');
  return [...new Set([person.email.toLowerCase(), name, escaped])].filter((needle) => needle.length >= 3);
}

/** Every string of a JSON value with the needles taken out (case aside). */
function redact(value: unknown, needles: string[]): unknown {
  if (typeof value === 'string') {
    return needles.reduce(
      (text, needle) => text.replace(new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ''),
      value,
    );
  }
  if (Array.isArray(value)) return value.map((entry) => redact(entry, needles));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redact(entry, needles)]));
  return value;
}
