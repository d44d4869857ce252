import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Attempts counted per account and per address (server/src/throttling/), shared by every
 * instance: one row per rule and key, counted up by one atomic upsert. The property names are
 * the ones rate-limiter-flexible's RateLimiterDrizzle reads (`key`, `points`, `expire`).
 */
export const throttles = pgTable(
  'throttles',
  {
    /** `<rule>:<account|address>:<hash of the email, user id or address>`. */
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
    /** End of the current window; past it the next attempt starts a new count. */
    expire: timestamp('expires_at', { withTimezone: true }),
  },
  (table) => [index('throttles_expires_at_idx').on(table.expire)],
);
