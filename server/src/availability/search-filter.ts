import { type SQL, sql } from 'drizzle-orm';
import { itemBlockedPeriods } from '../db/schema/availability.ts';
import { bookingUnits } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { daysFrom } from '../domain/calendar-days.ts';
import { heldDays } from './queries.ts';

/**
 * The item search's date filter: the items a request for these days and units would not be
 * refused for. The same rules as rules.ts (loanRuleBreach and the free units), written in SQL.
 */
export function freeForLoan(loan: { startDate: string; endDate: string; quantity: number }, today: string): SQL {
  const { startDate, endDate, quantity } = loan;
  const length = daysFrom(startDate, endDate) + 1;
  const heldUntil = sql`(${endDate}::date + 1 + ${items.bufferDays})`;
  return sql`(
    ${items.quantity} >= ${quantity}
    and ${items.minLoanDays} <= ${length}
    and (${items.maxLoanDays} is null or ${items.maxLoanDays} >= ${length})
    and ${startDate}::date >= ${today}::date + ${items.minNoticeDays}
    and ${endDate}::date <= ${today}::date + ${items.horizonDays}
    and extract(isodow from ${startDate}::date)::smallint = any(${items.handoverWeekdays})
    and extract(isodow from ${endDate}::date)::smallint = any(${items.handoverWeekdays})
    and not exists (
      select 1 from ${itemBlockedPeriods}
      where ${itemBlockedPeriods.itemId} = ${items.id} and ${itemBlockedPeriods.startDate} <= ${endDate}::date and ${itemBlockedPeriods.endDate} >= ${startDate}::date
    )
    and ${items.quantity} - (
      select count(distinct ${bookingUnits.unitNumber}) from ${bookingUnits}
      where ${bookingUnits.itemId} = ${items.id} and ${heldDays()} && daterange(${startDate}::date, ${heldUntil}, '[)')
    ) >= ${quantity}
  )`;
}
