import { addDays, parisToday } from '../domain/calendar-days.ts';

/** The first and last day of the calendar quarter `day` falls in. */
export function quarterOf(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const firstMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextQuarter = firstMonth === 10 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(nextQuarter, -1) };
}

/**
 * The period asked for: both days as given; one alone completes with its own quarter; none, the
 * current quarter in Paris.
 */
export function periodOf(from: string | undefined, to: string | undefined, today = parisToday()) {
  if (from && to) return { from, to };
  if (from) return { from, to: quarterOf(from).to };
  if (to) return { from: quarterOf(to).from, to };
  return quarterOf(today);
}

/** Every month `YYYY-MM` from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}
