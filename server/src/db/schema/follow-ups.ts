import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { followUpReasons } from '../../domain/follow-ups.ts';
import { bookings } from './bookings.ts';
import { networks } from './networks.ts';
import { users } from './users.ts';

const reasonList = sql.raw(followUpReasons.map((code) => `'${code}'`).join(', '));

/**
 * A loan a network's moderator has looked after (« traité »): the inbox computes which loans
 * need a human from the bookings themselves, and leaves out those handled here for that reason.
 */
export const loanFollowUps = pgTable(
  'loan_follow_ups',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull().defaultNow(),
    handledBy: uuid('handled_by').references(() => users.id, { onDelete: 'set null' }),
    /** What the moderator wrote of what they did, as typed. */
    note: text('note').notNull().default(''),
  },
  (table) => [
    primaryKey({ columns: [table.bookingId, table.networkId, table.reason] }),
    check('loan_follow_ups_reason', sql`${table.reason} in (${reasonList})`),
  ],
);
