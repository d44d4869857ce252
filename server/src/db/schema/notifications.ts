import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels, emailModes, emailStatuses } from '../../domain/notifications.ts';
import { events } from './events.ts';
import { localeEnum, users } from './users.ts';

export const channelEnum = pgEnum('notification_channel', channels);
export const emailStatusEnum = pgEnum('email_status', emailStatuses);
export const emailModeEnum = pgEnum('email_mode', emailModes);

/**
 * One notification of one event, for one recipient on one channel, written in the event's
 * transaction. `dedup_key` (event, recipient, kind, channel) makes a second derivation a no-op.
 * An email row is also its delivery record: status, attempts, the rendered message and the
 * local mailbox when no SMTP server is configured.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Emails: the address written to (a new address to confirm, an invitation to someone without an account). */
    toAddress: text('to_address'),
    channel: channelEnum('channel').notNull(),
    kind: text('kind').notNull(),
    locale: localeEnum('locale').notNull(),
    dedupKey: text('dedup_key').notNull().unique('notifications_dedup_key'),
    /** In the app: when the person read it. */
    readAt: timestamp('read_at', { withTimezone: true }),
    status: emailStatusEnum('status'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** A worker holds the email until then; past it, another may take it (the first one crashed). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    messageId: text('message_id'),
    subject: text('subject'),
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    /** The calendar part (an accepted or cancelled loan), and its METHOD. */
    calendar: text('calendar'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** A held email: the digest that carried it (set when the digest is written, so exactly those count as sent with it). */
    digestId: bigint('digest_id', { mode: 'number' }).references((): AnyPgColumn => notifications.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_inbox_idx')
      .on(table.recipientId, table.id.desc())
      .where(sql`${table.channel} = 'in_app'`),
    index('notifications_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('queued', 'retrying', 'sending')`),
    index('notifications_event_idx').on(table.eventId),
    // The moderation inbox: the emails that failed for good.
    index('notifications_failed_idx')
      .on(table.createdAt)
      .where(sql`${table.status} = 'failed'`),
    index('notifications_held_idx')
      .on(table.recipientId)
      .where(sql`${table.status} = 'held'`),
    check('notifications_someone', sql`${table.recipientId} is not null or ${table.toAddress} is not null`),
    check(
      'notifications_channel_fields',
      sql`case ${table.channel} when 'email' then ${table.status} is not null and ${table.toAddress} is not null else ${table.status} is null and ${table.recipientId} is not null end`,
    ),
    check('notifications_sent_when', sql`(${table.status} = 'sent') = (${table.sentAt} is not null)`),
  ],
);

/** How a person wants the emails of one kind; without a row, at once. Essential kinds never have one. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: emailModeEnum('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);
