import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bookings } from './bookings.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * What happened that someone must hear about, as a code and its parameters (never a sentence):
 * written in the same transaction as the change, it is the outbox notifications derive from.
 * A booking's own history stays in booking_events (its timeline); each of its steps that
 * someone must hear about is also recorded here, by the same function.
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** e.g. booking.accepted, organisation.approved, reminder.pickup (a NotificationKind, or an event nobody is told of). */
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    /** The person the event is about (an account event), when there is one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** For events the clock causes (reminders): one per occurrence, whichever instance sees it first. */
    occurrenceKey: text('occurrence_key').unique('events_occurrence_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('events_booking_idx').on(table.bookingId),
    check('events_type_format', sql`${table.type} ~ '^[a-z_]+\\.[a-z_]+$'`),
  ],
);
