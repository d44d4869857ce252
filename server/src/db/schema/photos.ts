import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { items } from './items.ts';
import { services } from './services.ts';

/** A photo of an item or a service offer; its resized files live in the photo storage under `storageKey`. */
export const listingPhotos = pgTable(
  'listing_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').references(() => items.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    altText: text('alt_text').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('listing_photos_item_idx').on(table.itemId, table.position),
    index('listing_photos_service_idx').on(table.serviceId, table.position),
    check('listing_photos_one_owner', sql`num_nonnulls(${table.itemId}, ${table.serviceId}) = 1`),
    check('listing_photos_size', sql`${table.width} > 0 and ${table.height} > 0`),
  ],
);
