import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { itemBlockedPeriods } from '../db/schema/availability.ts';
import { bookingUnits } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import type { Hold, LoanRules } from './rules.ts';

export const loanRuleColumns = {
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

/** The same range expression as the exclusion constraint, so that its index answers. */
export function heldDays(): SQL {
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

export type ItemLoanRules = LoanRules & { handoverOpensAt: string | null; handoverClosesAt: string | null };
