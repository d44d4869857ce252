import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';

/** A département (e.g. 59 Nord). Listings and structures are filtered by it. */
export const territories = pgTable('territories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  region: text('region').notNull(),
});

/** A commune with its coordinates, so that "near a commune within N km" can be answered. */
export const communes = pgTable(
  'communes',
  {
    inseeCode: text('insee_code').primaryKey(),
    name: text('name').notNull(),
    postcode: text('postcode').notNull(),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
  },
  (table) => [
    index('communes_postcode_idx').on(table.postcode),
    check('communes_postcode_format', sql`${table.postcode} ~ '^[0-9]{5}$'`),
    check('communes_latitude_range', sql`${table.latitude} between -90 and 90`),
    check('communes_longitude_range', sql`${table.longitude} between -180 and 180`),
  ],
);
