import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, smallint, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { items } from './items.ts';
import { services } from './services.ts';
import { users } from './users.ts';

/** Why a lender keeps an item from being lent for a while. */
export const blockedReasonEnum = pgEnum('blocked_reason', ['closed', 'repair', 'internal_use']);

/** Days (Europe/Paris calendar days, both ends included) when an item cannot be lent at all. */
export const itemBlockedPeriods = pgTable(
  'item_blocked_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    reason: blockedReasonEnum('reason').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('item_blocked_periods_item_idx').on(table.itemId, table.startDate),
    check('item_blocked_periods_order', sql`${table.endDate} >= ${table.startDate}`),
  ],
);

/**
 * A weekly time slot when a service can be given (Paris wall-clock time). A service with no slot,
 * or flagged `on_request`, also takes requests at other times.
 */
export const serviceSlots = pgTable(
  'service_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    /** ISO weekday: 1 = lundi … 7 = dimanche. */
    weekday: smallint('weekday').notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
  },
  (table) => [
    index('service_slots_service_idx').on(table.serviceId),
    check('service_slots_weekday', sql`${table.weekday} between 1 and 7`),
    check('service_slots_order', sql`${table.endsAt} > ${table.startsAt}`),
  ],
);
