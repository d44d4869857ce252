import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A community of structures (réseau), run by its network admins. */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The network a new structure joins when it does not name one. */
    isDefault: boolean('is_default').notNull().default(false),
    /** When set, new listings of its structures wait for a moderator before they are published. */
    requiresListingReview: boolean('requires_listing_review').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('networks_single_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);
