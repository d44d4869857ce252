import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The item taxonomy (Événementiel › Tonnelles…). Seeded; an item points at a category or sub-category. */
export const categories = pgTable(
  'categories',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnyPgColumn => categories.id),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    check('categories_id_slug', sql`${table.id} ~ '^[a-z0-9-]+$'`),
    check('categories_not_own_parent', sql`${table.parentId} is distinct from ${table.id}`),
  ],
);
