import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { searchVector, tsvector } from './items.ts';
import { listingStatusEnum, listingVisibilityEnum } from './listings.ts';
import { organisations } from './organisations.ts';
import { territories } from './territories.ts';
import { users } from './users.ts';

export const serviceDomainEnum = pgEnum('service_domain', [
  'transition_ecologique',
  'animation_facilitation',
  'pedagogie',
  'communication',
  'gestion_comptabilite',
  'numerique',
  'juridique',
  'autre',
]);
/** sur place, à distance, ou les deux */
export const serviceFormatEnum = pgEnum('service_format', ['on_site', 'remote', 'both']);
/** gratuit, en échange (de temps, d'un autre service), ou à prix coûtant */
export const serviceParticipationEnum = pgEnum('service_participation', ['free', 'exchange', 'price']);

/** A skill or service a structure offers (offre de service). */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    domain: serviceDomainEnum('domain').notNull(),
    format: serviceFormatEnum('format').notNull().default('both'),
    durationMinutes: integer('duration_minutes'),
    /** The person who gives it, as the structure names them. */
    providerName: text('provider_name').notNull().default(''),
    participation: serviceParticipationEnum('participation').notNull().default('free'),
    priceCents: integer('price_cents'),
    /** Also takes requests outside its weekly slots (« sur demande »). */
    onRequest: boolean('on_request').notNull().default(true),
    city: text('city').notNull(),
    postcode: text('postcode').notNull(),
    territoryCode: text('territory_code').references(() => territories.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    visibility: listingVisibilityEnum('visibility').notNull().default('networks'),
    status: listingStatusEnum('status').notNull().default('draft'),
    search: tsvector('search').generatedAlwaysAs(searchVector(sql`title`, sql`description`)),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('services_organisation_idx').on(table.organisationId),
    index('services_published_recent_idx')
      .on(table.createdAt, table.id)
      .where(sql`${table.status} = 'published'`),
    // The moderation inbox: the listings waiting for a moderator.
    index('services_pending_review_idx')
      .on(table.updatedAt)
      .where(sql`${table.status} = 'pending_review'`),
    index('services_domain_idx').on(table.domain),
    index('services_territory_idx').on(table.territoryCode),
    index('services_location_idx').on(table.latitude, table.longitude),
    index('services_search_idx').using('gin', table.search),
    // Trigrams of the folded title (mutua_fold, forgiving_search migration): compounds and typos.
    index('services_title_trigram_idx').using('gin', sql`mutua_fold(${table.title}) gin_trgm_ops`),
    check('services_title_not_blank', sql`length(trim(${table.title})) > 0`),
    check('services_duration_positive', sql`${table.durationMinutes} is null or ${table.durationMinutes} > 0`),
    check(
      'services_price',
      sql`(${table.participation} = 'price') = (${table.priceCents} is not null) and (${table.priceCents} is null or ${table.priceCents} > 0)`,
    ),
    check('services_postcode_format', sql`${table.postcode} ~ '^[0-9]{5}$'`),
    check('services_coordinates_together', sql`(${table.latitude} is null) = (${table.longitude} is null)`),
  ],
);
