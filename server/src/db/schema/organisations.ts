import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  integer,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { networkCharters, networks } from './networks.ts';
import { communes, territories } from './territories.ts';
import { users } from './users.ts';

export const organisationKindEnum = pgEnum('organisation_kind', [
  'association',
  'cooperative',
  'collectivite',
  'entreprise',
  'individuel',
]);

/** pending until a network admin approves; only active structures publish and borrow. */
export const organisationStatusEnum = pgEnum('organisation_status', ['pending', 'active', 'rejected', 'suspended']);

/** A member structure (structure adhérente): it owns listings and borrows. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: organisationKindEnum('kind').notNull(),
    status: organisationStatusEnum('status').notNull().default('pending'),
    description: text('description').notNull().default(''),
    address: text('address').notNull().default(''),
    city: text('city').notNull(),
    postcode: text('postcode').notNull(),
    territoryCode: text('territory_code').references(() => territories.code),
    communeInseeCode: text('commune_insee_code').references(() => communes.inseeCode),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    contactEmail: text('contact_email'),
    phone: text('phone'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    rejectionReason: text('rejection_reason'),
  },
  (table) => [
    uniqueIndex('organisations_name_postcode_unique').on(sql`lower(${table.name})`, table.postcode),
    index('organisations_status_idx').on(table.status),
    check('organisations_postcode_format', sql`${table.postcode} ~ '^[0-9]{5}$'`),
    check('organisations_name_not_blank', sql`length(trim(${table.name})) > 0`),
    check('organisations_reviewed_unless_pending', sql`${table.status} = 'pending' or ${table.reviewedAt} is not null`),
    check('organisations_coordinates_together', sql`(${table.latitude} is null) = (${table.longitude} is null)`),
  ],
);

/** Which networks a structure belongs to (a structure may be in both networks). */
export const organisationNetworks = pgTable(
  'organisation_networks',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    /** The charter version the structure accepted to join, when, and who accepted it for the structure. */
    charterVersion: integer('charter_version'),
    charterAcceptedAt: timestamp('charter_accepted_at', { withTimezone: true }),
    charterAcceptedBy: uuid('charter_accepted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.networkId] }),
    index('organisation_networks_network_idx').on(table.networkId),
    foreignKey({
      name: 'organisation_networks_charter_fk',
      columns: [table.networkId, table.charterVersion],
      foreignColumns: [networkCharters.networkId, networkCharters.version],
    }),
    check(
      'organisation_networks_charter_together',
      sql`(${table.charterVersion} is null) = (${table.charterAcceptedAt} is null)`,
    ),
  ],
);
