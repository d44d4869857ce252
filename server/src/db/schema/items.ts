import { type SQL, sql } from 'drizzle-orm';
import {
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { categories } from './categories.ts';
import { listingStatusEnum, listingVisibilityEnum } from './listings.ts';
import { organisations } from './organisations.ts';
import { territories } from './territories.ts';
import { users } from './users.ts';

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The French full-text vector of a listing: title weighs more than description. `mutua_french`
 * (unaccent + French stemmer) and `mutua_search_text` (plural folding) come from the
 * french_search migration; queries go through the same two.
 */
export function searchVector(title: SQL, description: SQL): SQL {
  return sql`setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(${title})), 'A') || setweight(to_tsvector('mutua_french'::regconfig, mutua_search_text(${description})), 'B')`;
}

export const itemConditionEnum = pgEnum('item_condition', ['new', 'very_good', 'good', 'worn']);
/** free, or a participation in the costs per day or per loan. */
export const itemFeeEnum = pgEnum('item_fee', ['free', 'per_day', 'per_loan']);

/** A lendable good (objet / matériel), possibly several identical units. */
export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    quantity: integer('quantity').notNull().default(1),
    condition: itemConditionEnum('condition').notNull().default('good'),
    replacementValueCents: integer('replacement_value_cents').notNull().default(0),
    depositCents: integer('deposit_cents'),
    fee: itemFeeEnum('fee').notNull().default('free'),
    feeCents: integer('fee_cents'),
    pickupAddress: text('pickup_address').notNull().default(''),
    pickupCity: text('pickup_city').notNull(),
    pickupPostcode: text('pickup_postcode').notNull(),
    pickupInstructions: text('pickup_instructions').notNull().default(''),
    territoryCode: text('territory_code').references(() => territories.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    usageRules: text('usage_rules').notNull().default(''),
    minLoanDays: integer('min_loan_days').notNull().default(1),
    maxLoanDays: integer('max_loan_days'),
    minNoticeDays: integer('min_notice_days').notNull().default(0),
    /** ISO weekdays (1 = lundi … 7 = dimanche) when the item can be picked up and brought back. */
    handoverWeekdays: smallint('handover_weekdays')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5,6,7}'::smallint[]`),
    /** Paris wall-clock hours of the hand-over, both or neither. */
    handoverOpensAt: time('handover_opens_at'),
    handoverClosesAt: time('handover_closes_at'),
    /** Days kept free after each loan (cleaning, checking) before the next one starts. */
    bufferDays: integer('buffer_days').notNull().default(0),
    /** How far ahead a loan can start, in days from today. */
    horizonDays: integer('horizon_days').notNull().default(180),
    visibility: listingVisibilityEnum('visibility').notNull().default('networks'),
    status: listingStatusEnum('status').notNull().default('draft'),
    /** Maintained by the database from title and description (see the search migration). */
    search: tsvector('search').generatedAlwaysAs(searchVector(sql`title`, sql`description`)),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('items_organisation_idx').on(table.organisationId),
    // The target of booking_lines' (item_id, lender_organisation_id) key: a line lends the lender's own item.
    unique('items_id_organisation_key').on(table.id, table.organisationId),
    index('items_published_recent_idx')
      .on(table.createdAt, table.id)
      .where(sql`${table.status} = 'published'`),
    // The moderation inbox: the listings waiting for a moderator.
    index('items_pending_review_idx')
      .on(table.updatedAt)
      .where(sql`${table.status} = 'pending_review'`),
    index('items_category_idx').on(table.categoryId),
    index('items_territory_idx').on(table.territoryCode),
    index('items_location_idx').on(table.latitude, table.longitude),
    index('items_search_idx').using('gin', table.search),
    // Trigrams of the folded title (mutua_fold, forgiving_search migration): compounds and typos.
    index('items_title_trigram_idx').using('gin', sql`mutua_fold(${table.title}) gin_trgm_ops`),
    check('items_title_not_blank', sql`length(trim(${table.title})) > 0`),
    check('items_quantity_positive', sql`${table.quantity} between 1 and 10000`),
    check('items_replacement_value_not_negative', sql`${table.replacementValueCents} >= 0`),
    check('items_deposit_not_negative', sql`${table.depositCents} is null or ${table.depositCents} >= 0`),
    check(
      'items_fee_amount',
      sql`(${table.fee} = 'free') = (${table.feeCents} is null) and (${table.feeCents} is null or ${table.feeCents} > 0)`,
    ),
    check('items_postcode_format', sql`${table.pickupPostcode} ~ '^[0-9]{5}$'`),
    check(
      'items_loan_length',
      sql`${table.minLoanDays} >= 1 and (${table.maxLoanDays} is null or ${table.maxLoanDays} >= ${table.minLoanDays})`,
    ),
    check('items_notice_not_negative', sql`${table.minNoticeDays} >= 0`),
    check(
      'items_handover_weekdays',
      sql`cardinality(${table.handoverWeekdays}) between 1 and 7 and ${table.handoverWeekdays} <@ '{1,2,3,4,5,6,7}'::smallint[]`,
    ),
    check(
      'items_handover_hours',
      sql`(${table.handoverOpensAt} is null) = (${table.handoverClosesAt} is null) and (${table.handoverOpensAt} is null or ${table.handoverClosesAt} > ${table.handoverOpensAt})`,
    ),
    check('items_buffer_days', sql`${table.bufferDays} between 0 and 30`),
    check('items_horizon_days', sql`${table.horizonDays} between 1 and 730`),
    check('items_coordinates_together', sql`(${table.latitude} is null) = (${table.longitude} is null)`),
  ],
);
