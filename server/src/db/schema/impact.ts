import { sql } from 'drizzle-orm';
import { boolean, check, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { categories } from './categories.ts';
import { networks } from './networks.ts';
import { users } from './users.ts';

/**
 * Greenhouse-gas emissions of manufacturing one item of a category (kg CO₂e), per network, with
 * where the figure comes from: ADEME's published value where there is one, else an estimate
 * labelled as such. A sub-category without a row takes its parent's.
 */
export const impactFactors = pgTable(
  'impact_factors',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    kgCo2ePerItem: numeric('kg_co2e_per_item', { precision: 10, scale: 1, mode: 'number' }).notNull(),
    /** Where the figure comes from, as the admin typed it (e.g. « ADEME, Base Empreinte, chaise en bois »). */
    source: text('source').notNull(),
    /** True when no published value exists and the figure is the network's own estimate. */
    estimated: boolean('estimated').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    primaryKey({ columns: [table.networkId, table.categoryId] }),
    check('impact_factors_not_negative', sql`${table.kgCo2ePerItem} >= 0 and ${table.kgCo2ePerItem} < 1000000`),
    check('impact_factors_source_not_blank', sql`length(trim(${table.source})) > 0`),
  ],
);
