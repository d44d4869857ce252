import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { itemBlockedPeriods } from '../db/schema/availability.ts';
import { bookingUnits } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import type { BlockedPeriod, Hold } from './rules.ts';

const loanRuleColumns = {
  quantity: items.quantity,
  minLoanDays: items.minLoanDays,
  maxLoanDays: items.maxLoanDays,
  minNoticeDays: items.minNoticeDays,
  handoverWeekdays: items.handoverWeekdays,
  handoverOpensAt: items.handoverOpensAt,
  handoverClosesAt: items.handoverClosesAt,
  bufferDays: items.bufferDays,
  horizonDays: items.horizonDays,
};

/**
 * What an item's calendar from `from` to `to` needs, in one round trip: its loan rules, what
 * decides who may see it (no text, no photos), the units held on those days and the buffer after
 * them, and its blocked periods touching them.
 */
export async function selectCalendar(db: Database, itemId: string, range: { from: string; to: string }) {
  const [row] = await db
    .select({
      ...loanRuleColumns,
      organisationId: items.organisationId,
      status: items.status,
      visibility: items.visibility,
      organisationStatus: organisations.status,
      holds: sql<Hold[]>`coalesce((
        select json_agg(json_build_object('unitNumber', u.unit_number, 'heldFrom', u.held_from, 'heldUntil', u.held_until))
        from ${bookingUnits} u
        where u.item_id = ${items.id} and daterange(u.held_from, u.held_until, '[)') && daterange(${range.from}::date, ${range.to}::date + 1 + ${items.bufferDays}, '[)')
      ), '[]')`,
      blocked: sql<BlockedPeriod[]>`coalesce((
        select json_agg(json_build_object('startDate', p.start_date, 'endDate', p.end_date, 'reason', p.reason) order by p.start_date)
        from ${itemBlockedPeriods} p
        where p.item_id = ${items.id} and p.start_date <= ${range.to}::date and p.end_date >= ${range.from}::date
      ), '[]')`,
    })
    .from(items)
    .innerJoin(organisations, eq(organisations.id, items.organisationId))
    .where(eq(items.id, itemId));
  return row;
}

/** The same range expression as the exclusion constraint, so that its index answers. */
function heldDays(): SQL {
  return sql`daterange(${bookingUnits.heldFrom}, ${bookingUnits.heldUntil}, '[)')`;
}

/** The units held on any day of [from, until). */
export async function selectHolds(db: Database, itemId: string, from: string, until: string): Promise<Hold[]> {
  return db
    .select({ unitNumber: bookingUnits.unitNumber, heldFrom: bookingUnits.heldFrom, heldUntil: bookingUnits.heldUntil })
    .from(bookingUnits)
    .where(and(eq(bookingUnits.itemId, itemId), sql`${heldDays()} && daterange(${from}::date, ${until}::date, '[)')`));
}

/** Blocked periods touching [from, to] (both included), or all of them. */
export async function selectBlockedPeriods(db: Database, itemId: string, range?: { from: string; to: string }) {
  const conditions = [eq(itemBlockedPeriods.itemId, itemId)];
  if (range) conditions.push(lte(itemBlockedPeriods.startDate, range.to), gte(itemBlockedPeriods.endDate, range.from));
  return db
    .select({
      id: itemBlockedPeriods.id,
      startDate: itemBlockedPeriods.startDate,
      endDate: itemBlockedPeriods.endDate,
      reason: itemBlockedPeriods.reason,
      note: itemBlockedPeriods.note,
    })
    .from(itemBlockedPeriods)
    .where(and(...conditions))
    .orderBy(asc(itemBlockedPeriods.startDate));
}

export async function insertBlockedPeriod(db: Database, period: typeof itemBlockedPeriods.$inferInsert) {
  const [row] = await db.insert(itemBlockedPeriods).values(period).returning({ id: itemBlockedPeriods.id });
  return row!;
}

export async function deleteBlockedPeriodRow(db: Database, itemId: string, periodId: string) {
  const rows = await db
    .delete(itemBlockedPeriods)
    .where(and(eq(itemBlockedPeriods.id, periodId), eq(itemBlockedPeriods.itemId, itemId)))
    .returning({ id: itemBlockedPeriods.id });
  return rows.length > 0;
}
