import { TZDate } from '@date-fns/tz';
import { addDays as addCalendarDays, differenceInCalendarDays, format, getISODay } from 'date-fns';

/**
 * Calendar days of Europe/Paris, written `YYYY-MM-DD`. Loans are lent by such days; arithmetic
 * goes through date-fns on dates pinned to Paris, so a daylight-saving change never shifts a day.
 */
export const parisZone = 'Europe/Paris';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight of `day` in Paris. */
export function parisMidnight(day: string): TZDate {
  const [, year, month, date] = dayPattern.exec(day) ?? [];
  if (!year) throw new Error(`not a calendar day: ${day}`);
  return new TZDate(Number(year), Number(month) - 1, Number(date), parisZone);
}

/** The Paris day an instant falls on. */
export function parisDayOf(instant: Date): string {
  return format(new TZDate(instant, parisZone), 'yyyy-MM-dd');
}

/** Today in Paris. */
export function parisToday(now: Date = new Date()): string {
  return parisDayOf(now);
}

export function addDays(day: string, count: number): string {
  return format(addCalendarDays(parisMidnight(day), count), 'yyyy-MM-dd');
}

/** How many days from `from` to `to` (0 for the same day, negative when `to` is before). */
export function daysFrom(from: string, to: string): number {
  return differenceInCalendarDays(parisMidnight(to), parisMidnight(from));
}

/** The number of days of a loan from its first to its last day, both included. */
export function loanLength(startDate: string, endDate: string): number {
  return daysFrom(startDate, endDate) + 1;
}

/** ISO weekday: 1 = lundi … 7 = dimanche. */
export function isoWeekday(day: string): number {
  return getISODay(parisMidnight(day));
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The instant of a Paris wall-clock time (`HH:MM`) on a Paris day. */
export function parisInstant(day: string, clock: string): Date {
  const [hours, minutes] = clock.split(':').map(Number);
  const midnight = parisMidnight(day);
  return new Date(new TZDate(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), hours!, minutes!, parisZone).getTime());
}

/** The Paris wall-clock time of an instant, `HH:MM`. */
export function parisClockOf(instant: Date): string {
  return format(new TZDate(instant, parisZone), 'HH:mm');
}

export function isCalendarDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  return format(parisMidnight(value), 'yyyy-MM-dd') === value;
}
