import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Calendar days of Europe/Paris, written `YYYY-MM-DD`. Loans are lent by such days.
 * Only turning an instant into a Paris day or time (and back) needs the time zone: that goes
 * through date-fns on dates pinned to Paris. Counting days between calendar days does not — a
 * day has no offset — so it is done on the UTC calendar, where no daylight-saving change can
 * shift it, and at a fraction of the cost (the availability of 90 days is 90 such steps).
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

const dayMs = 24 * 3600 * 1000;

/** The UTC midnight of a calendar day: a number to count days with, not an instant of Paris. */
function utcDay(day: string): number {
  const [, year, month, date] = dayPattern.exec(day) ?? [];
  if (!year) throw new Error(`not a calendar day: ${day}`);
  return Date.UTC(Number(year), Number(month) - 1, Number(date));
}

export function addDays(day: string, count: number): string {
  return new Date(utcDay(day) + count * dayMs).toISOString().slice(0, 10);
}

/** How many days from `from` to `to` (0 for the same day, negative when `to` is before). */
export function daysFrom(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / dayMs);
}

/** The number of days of a loan from its first to its last day, both included. */
export function loanLength(startDate: string, endDate: string): number {
  return daysFrom(startDate, endDate) + 1;
}

/** ISO weekday: 1 = lundi … 7 = dimanche. */
export function isoWeekday(day: string): number {
  return ((new Date(utcDay(day)).getUTCDay() + 6) % 7) + 1;
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  const last = utcDay(to);
  for (let day = utcDay(from); day <= last; day += dayMs) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}

/** The instant of a Paris wall-clock time (`HH:MM`) on a Paris day. */
export function parisInstant(day: string, clock: string): Date {
  const [hours, minutes] = clock.split(':').map(Number);
  const midnight = parisMidnight(day);
  return new Date(
    new TZDate(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), hours!, minutes!, parisZone).getTime(),
  );
}

/** The Paris wall-clock time of an instant, `HH:MM`. */
export function parisClockOf(instant: Date): string {
  return format(new TZDate(instant, parisZone), 'HH:mm');
}

/**
 * The span of days and instants the API takes in. PostgreSQL has no year 0, JavaScript reads the
 * years 0–99 as 1900–1999, and a day after 9999 no longer writes as `YYYY-MM-DD`; nothing Mutua
 * plans (loans, blocked periods, needs, service slots) lies outside these years anyway.
 */
export const firstAcceptedDay = '1900-01-01';
export const lastAcceptedDay = '2999-12-31';

/** A `YYYY-MM-DD` day that exists, between `firstAcceptedDay` and `lastAcceptedDay`. */
export function isCalendarDay(value: string): boolean {
  return (
    dayPattern.test(value) &&
    value >= firstAcceptedDay &&
    value <= lastAcceptedDay &&
    new Date(utcDay(value)).toISOString().slice(0, 10) === value
  );
}

// RFC 3339 (`2027-03-28T10:00:00Z`, `…T10:00:00.5+02:00`): no leap second (JavaScript cannot read
// one) and offsets within the ±14:00 of real zones (PostgreSQL refuses past ±15:59).
const instantPattern = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** An ISO instant whose day is a calendar day of the accepted span, readable alike by JavaScript and PostgreSQL. */
export function isInstant(value: string): boolean {
  const [, day, hours, minutes, seconds, offsetHours = '0', offsetMinutes = '0'] = instantPattern.exec(value) ?? [];
  if (!day || !isCalendarDay(day)) return false;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return false;
  if (Number(offsetMinutes) > 59 || Number(offsetHours) * 60 + Number(offsetMinutes) > 14 * 60) return false;
  return !Number.isNaN(Date.parse(value));
}
