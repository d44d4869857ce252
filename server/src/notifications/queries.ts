import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { memberships } from '../db/schema/memberships.ts';
import { needs } from '../db/schema/needs.ts';
import { notificationPreferences, notifications } from '../db/schema/notifications.ts';
import { organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';
import type { EmailMode } from '../domain/notifications.ts';

const lender = alias(organisations, 'lender');
const borrower = alias(organisations, 'borrower');
const about = alias(organisations, 'about_organisation');

/** What a booking is about in one phrase: its service, or its first item (by title) and how many more. */
const bookingTitle = sql<string | null>`coalesce(${services.title}, (
  select i.title || case when count(*) over () > 1 then ' (+' || (count(*) over () - 1) || ')' else '' end
  from booking_lines l join items i on i.id = l.item_id where l.booking_id = ${bookings.id} order by i.title, l.id limit 1))`;

const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const whitespace = '\\s+';
/** An id the event's params carry, as a uuid (null when it is not one, rather than an error). */
const paramId = (name: string) =>
  sql`(case when ${events.params}->>${name} ~ ${uuidPattern} then (${events.params}->>${name})::uuid end)`;

/**
 * What a moderation or network event is about, as it is named now: a listing's title, what a
 * report is about (a listing's title, a structure's name, a message's opening words), a network's name.
 */
const moderationTitle = sql<string | null>`case
  when ${events.type} like 'listing.%' then case ${events.params}->>'listingType'
    when 'service' then (select s.title from services s where s.id = ${paramId('listingId')})
    else (select i.title from items i where i.id = ${paramId('listingId')}) end
  when ${events.type} like 'report.%' then (select case r.target_type
      when 'item' then (select i.title from items i where i.id = r.target_id)
      when 'service' then (select s.title from services s where s.id = r.target_id)
      when 'organisation' then (select o.name from organisations o where o.id = r.target_id)
      when 'message' then (select left(regexp_replace(m.body, ${whitespace}, ' ', 'g'), 80) from booking_messages m where m.id = r.target_id)
    end from reports r where r.id = ${paramId('reportId')})
  when ${events.type} = 'network_role.changed' then (select n.name from networks n where n.id = ${paramId('networkId')})
  end`;

/** A person's notifications in the app, newest first, with the names to phrase them. */
export async function selectInbox(db: Database, userId: string, options: { before?: number; limit: number }) {
  const ownOrganisations = db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      event: { bookingId: events.bookingId, params: events.params, organisationId: events.organisationId },
      title: sql<string | null>`coalesce(${bookingTitle}, ${needs.title}, ${moderationTitle})`,
      // The other side of a booking, else the structure the event is about.
      organisationName: sql<string | null>`case
        when ${bookings.id} is null then ${about.name}
        when ${bookings.lenderOrganisationId} in ${ownOrganisations} then ${borrower.name}
        else ${lender.name} end`,
    })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .leftJoin(bookings, eq(bookings.id, events.bookingId))
    .leftJoin(services, eq(services.id, bookings.serviceId))
    .leftJoin(lender, eq(lender.id, bookings.lenderOrganisationId))
    .leftJoin(borrower, eq(borrower.id, bookings.borrowerOrganisationId))
    .leftJoin(about, eq(about.id, events.organisationId))
    .leftJoin(needs, sql`${needs.id}::text = ${events.params}->>'needId'`)
    .where(
      and(
        eq(notifications.recipientId, userId),
        eq(notifications.channel, 'in_app'),
        options.before ? lt(notifications.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(options.limit);
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(
      and(eq(notifications.recipientId, userId), eq(notifications.channel, 'in_app'), isNull(notifications.readAt)),
    );
  return row?.unread ?? 0;
}

/** Marks read the person's own notifications only (all of them when no id is given). Answers how many it found. */
export async function markRead(db: Database, userId: string, id?: number): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(
      and(
        eq(notifications.recipientId, userId),
        eq(notifications.channel, 'in_app'),
        id === undefined ? isNull(notifications.readAt) : eq(notifications.id, id),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function selectPreferences(db: Database, userId: string) {
  return db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

/**
 * Saves a person's choices (the last one of a kind counts). Emails held for the digest of a kind
 * that leaves it are not forgotten: they go now (immediate) or are dropped (off). Answers the
 * emails to send now. Call it in a transaction.
 */
export async function savePreferences(
  db: Database,
  userId: string,
  choices: Array<{ kind: string; email: EmailMode }>,
): Promise<number[]> {
  const preferences = [...new Map(choices.map((choice) => [choice.kind, choice])).values()];
  const immediate = preferences
    .filter((preference) => preference.email === 'immediate')
    .map((preference) => preference.kind);
  const chosen = preferences.filter((preference) => preference.email !== 'immediate');
  // Immediate is the default: no row for it.
  if (immediate.length > 0)
    await db
      .delete(notificationPreferences)
      .where(and(eq(notificationPreferences.userId, userId), inArray(notificationPreferences.kind, immediate)));
  if (chosen.length > 0) {
    await db
      .insert(notificationPreferences)
      .values(chosen.map((preference) => ({ userId, ...preference })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: sql`now()` },
      });
  }
  const off = preferences.filter((preference) => preference.email === 'off').map((preference) => preference.kind);
  const held = and(
    eq(notifications.recipientId, userId),
    eq(notifications.status, 'held'),
    isNull(notifications.digestId),
  );
  if (off.length > 0)
    await db
      .update(notifications)
      .set({ status: 'skipped', lastError: 'turned_off' })
      .where(and(held, inArray(notifications.kind, off)));
  if (immediate.length === 0) return [];
  const released = await db
    .update(notifications)
    .set({ status: 'queued', nextAttemptAt: sql`now()` })
    .where(and(held, inArray(notifications.kind, immediate)))
    .returning({ id: notifications.id });
  return released.map((row) => row.id);
}
