import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { listingReviewPolicies } from '../../domain/networks.ts';
import { territories } from './territories.ts';
import { users } from './users.ts';

/** Which new listings wait for a moderator: every one, a structure's first ones only, or none. */
export const listingReviewPolicyEnum = pgEnum('listing_review_policy', listingReviewPolicies);

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
    /** Which new listings of its structures wait for a moderator before they are published. */
    listingReview: listingReviewPolicyEnum('listing_review').notNull().default('none'),
    /**
     * Of 100 loans, how many avoid a purchase: the published method of « achats évités »
     * (the UK Library of Things used 25 in 2023 and 50 in 2024). Admins edit it.
     */
    substitutionRatePercent: integer('substitution_rate_percent').notNull().default(50),
    /** A loan overdue by more than this many days reaches the moderation inbox. */
    overdueDaysBeforeInbox: integer('overdue_days_before_inbox').notNull().default(3),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('networks_single_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
    check('networks_substitution_rate', sql`${table.substitutionRatePercent} between 0 and 100`),
    check('networks_overdue_days', sql`${table.overdueDaysBeforeInbox} between 0 and 365`),
  ],
);

/**
 * The charter (charte) a structure accepts to join a network, one row per version: admins publish
 * a new version, never rewrite an old one, so what a structure accepted can always be read.
 */
export const networkCharters = pgTable(
  'network_charters',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** As the admin typed it (Markdown-free plain text, paragraphs separated by blank lines). */
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    primaryKey({ columns: [table.networkId, table.version] }),
    check('network_charters_version_positive', sql`${table.version} >= 1`),
    check('network_charters_body_not_blank', sql`length(trim(${table.body})) > 0`),
  ],
);

/** The newest charter version a person has read, per network: a newer one is shown at their next visit. */
export const charterReadings = pgTable(
  'charter_readings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.networkId] })],
);

/** The départements a network works in: its dashboard and its admins' territory lists. */
export const networkTerritories = pgTable(
  'network_territories',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
  },
  (table) => [primaryKey({ columns: [table.networkId, table.territoryCode] })],
);
