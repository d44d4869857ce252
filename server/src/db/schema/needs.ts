import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { categories } from './categories.ts';
import { items, searchVector, tsvector } from './items.ts';
import { listingVisibilityEnum } from './listings.ts';
import { organisations } from './organisations.ts';
import { serviceDomainEnum, services } from './services.ts';
import { territories } from './territories.ts';
import { users } from './users.ts';

export const needKindEnum = pgEnum('need_kind', ['item', 'service']);
export const needStatusEnum = pgEnum('need_status', ['open', 'fulfilled', 'closed']);

/** What a structure looks for (« je cherche »): others answer or point to a listing. */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: needKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    categoryId: text('category_id').references(() => categories.id),
    serviceDomain: serviceDomainEnum('service_domain'),
    neededFrom: date('needed_from', { mode: 'string' }),
    neededUntil: date('needed_until', { mode: 'string' }),
    territoryCode: text('territory_code').references(() => territories.code),
    visibility: listingVisibilityEnum('visibility').notNull().default('networks'),
    status: needStatusEnum('status').notNull().default('open'),
    search: tsvector('search').generatedAlwaysAs(searchVector(sql`title`, sql`description`)),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
  },
  (table) => [
    index('needs_organisation_idx').on(table.organisationId),
    index('needs_open_recent_idx')
      .on(table.createdAt, table.id)
      .where(sql`${table.status} = 'open'`),
    index('needs_search_idx').using('gin', table.search),
    // Trigrams of the folded title (mutua_fold, forgiving_search migration): compounds and typos.
    index('needs_title_trigram_idx').using('gin', sql`mutua_fold(${table.title}) gin_trgm_ops`),
    check('needs_title_not_blank', sql`length(trim(${table.title})) > 0`),
    check(
      'needs_dates_ordered',
      sql`${table.neededUntil} is null or ${table.neededFrom} is null or ${table.neededUntil} >= ${table.neededFrom}`,
    ),
    check('needs_category_for_items', sql`${table.kind} = 'item' or ${table.categoryId} is null`),
    check('needs_domain_for_services', sql`${table.kind} = 'service' or ${table.serviceDomain} is null`),
    check('needs_fulfilled_when', sql`(${table.status} = 'fulfilled') = (${table.fulfilledAt} is not null)`),
  ],
);

/** An answer to a need: a message, optionally pointing to one of the answering structure's listings. */
export const needResponses = pgTable(
  'need_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'set null' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('need_responses_need_idx').on(table.needId, table.createdAt),
    check('need_responses_message_not_blank', sql`length(trim(${table.message})) > 0`),
    check('need_responses_one_listing', sql`num_nonnulls(${table.itemId}, ${table.serviceId}) <= 1`),
  ],
);
