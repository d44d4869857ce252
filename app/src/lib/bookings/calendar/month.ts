/**
 * A month of Paris calendar days (`YYYY-MM`), laid out as the calendar shows it: weeks from
 * Monday to Sunday, blanks before the 1st and after the last day. Days stay `YYYY-MM-DD`
 * strings from start to end, so no time zone ever shifts one.
 */
import { addDays, eachDay, isCalendarDay, isoWeekday } from '@mutua/server/domain/calendar-days';

export type Month = `${number}-${number}`;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2027-06` from a URL, or null when it is anything else. */
export function parseMonth(value: string | null | undefined): Month | null {
  const text = (value ?? '').trim();
  return monthPattern.test(text) ? (text as Month) : null;
}

/** A calendar day from a URL (`2027-06-12`), or null. */
export function parseDay(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  return isCalendarDay(text) ? text : null;
}

/** The month a day falls in. */
export function monthOf(day: string): Month {
  return day.slice(0, 7) as Month;
}

/** `count` months later (earlier when negative). */
export function addMonths(month: Month, count: number): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}` as Month;
}

export function firstDayOf(month: Month): string {
  return `${month}-01`;
}

export function lastDayOf(month: Month): string {
  return addDays(firstDayOf(addMonths(month, 1)), -1);
}

/** The weeks of a month, Monday first; `null` pads the first and the last week. */
export function monthWeeks(month: Month): Array<Array<string | null>> {
  const days = eachDay(firstDayOf(month), lastDayOf(month));
  const cells: Array<string | null> = [...Array<null>(isoWeekday(days[0]!) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** Keeps a month between two others (both included). */
export function clampMonth(month: Month, earliest: Month, latest: Month): Month {
  if (month < earliest) return earliest;
  if (month > latest) return latest < earliest ? earliest : latest;
  return month;
}
