import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bookings } from './bookings.ts';
import { membershipRoleEnum } from './memberships.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

export const tokenPurposeEnum = pgEnum('token_purpose', [
  'verify_email',
  'reset_password',
  'change_email',
  'invitation',
  'booking_action',
]);

/**
 * The links sent by email that let someone act once: verify an address, reset a password,
 * confirm a new address, join a structure, accept or decline a request. The link carries the
 * row's id signed with the server's secret (email-links/signing.ts): the database alone cannot forge one.
 * A link works once (`used_at`) and until `expires_at`.
 */
export const singleUseTokens = pgTable(
  'single_use_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: tokenPurposeEnum('purpose').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** change_email: the new address; invitation: the address invited. */
    email: text('email'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    role: membershipRoleEnum('role'),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'cascade' }),
    /** booking_action: accept or decline. */
    action: text('action'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('single_use_tokens_user_idx').on(table.userId, table.purpose),
    check('single_use_tokens_expire_after_creation', sql`${table.expiresAt} > ${table.createdAt}`),
    check(
      'single_use_tokens_purpose_fields',
      sql`case ${table.purpose}
        when 'invitation' then ${table.email} is not null and ${table.organisationId} is not null and ${table.role} is not null
        when 'change_email' then ${table.email} is not null and ${table.userId} is not null
        when 'booking_action' then ${table.bookingId} is not null and ${table.userId} is not null and ${table.action} in ('accept', 'decline')
        else ${table.userId} is not null end`,
    ),
  ],
);
