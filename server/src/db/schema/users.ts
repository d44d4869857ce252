import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const localeEnum = pgEnum('locale', ['fr', 'en']);

/** A person. They act for one or more structures through memberships. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased so that uniqueness ignores case. */
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    locale: localeEnum('locale').notNull().default('fr'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Until then the person may browse but not trade (lend, borrow, publish). */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** The mail server refused the address for good (5xx): no more emails until it changes. */
    emailUndeliverableAt: timestamp('email_undeliverable_at', { withTimezone: true }),
    emailUndeliverableReason: text('email_undeliverable_reason'),
    /** The last daily digest really sent (moves only then). */
    digestSentAt: timestamp('digest_sent_at', { withTimezone: true }),
    /** Suspended by a network admin: cannot sign in nor act until reinstated. The reason is as typed. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspensionReason: text('suspension_reason'),
    /** The person asked to delete their account: erased after `erase_after` unless they sign in before. */
    deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
    eraseAfter: timestamp('erase_after', { withTimezone: true }),
  },
  (table) => [
    check('users_email_lower_case', sql`${table.email} = lower(${table.email})`),
    check('users_name_not_blank', sql`length(trim(${table.name})) > 0`),
    check('users_suspension_reason', sql`(${table.suspendedAt} is null) = (${table.suspensionReason} is null)`),
    check(
      'users_deletion_grace',
      sql`(${table.deletionRequestedAt} is null) = (${table.eraseAfter} is null) and (${table.eraseAfter} is null or ${table.eraseAfter} > ${table.deletionRequestedAt})`,
    ),
    index('users_erase_after_idx')
      .on(table.eraseAfter)
      .where(sql`${table.eraseAfter} is not null`),
  ],
);

/**
 * A login session. The JWT carries its id, so logging out (deleting the row) really ends it,
 * for the browser cookie and for API clients alike.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When the session last loaded the app (`GET /api/me`), to within a few minutes. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** The browser or client that signed in (its User-Agent, cut short), to tell sessions apart. */
    userAgent: text('user_agent'),
    /** The address it signed in from. */
    ipAddress: text('ip_address'),
  },
  (table) => [
    check('sessions_expire_after_creation', sql`${table.expiresAt} > ${table.createdAt}`),
    // « Mes sessions », and signing out everywhere else.
    index('sessions_user_idx').on(table.userId),
  ],
);
