import { tz, TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, fr as frLocale } from 'date-fns/locale';
import type { EmailLocale } from './contract.ts';
import { defineStrings, fr } from './strings.ts';

/**
 * Dates as the reader says them, in Europe/Paris whatever the server's time zone. Calendar days
 * (`YYYY-MM-DD`) are read as Paris days, never as UTC instants, so they cannot shift by one.
 */

const paris = tz('Europe/Paris');
const dateFnsLocales = { fr: frLocale, en: enGB } as const;

const wording = defineStrings({
  fr: {
    // French writes « 1er avril », then « 2 avril » (date-fns' ordinal would give « 2e »).
    dayPattern: (dayOfMonth: number, withYear: boolean) =>
      `EEEE ${dayOfMonth === 1 ? "'1er'" : 'd'} MMMM${withYear ? ' yyyy' : ''}`,
    timePattern: "H'\u00a0h\u00a0'mm",
    onDay: (day: string) => fr`le ${day}`,
    dayRange: (start: string, end: string) => fr`du ${start} au ${end}`,
    dayAndTime: (day: string, time: string) => fr`${day} à ${time}`,
    sameDaySlot: (day: string, start: string, end: string) => fr`le ${day}, de ${start} à ${end}`,
    slotRange: (start: string, end: string) => fr`du ${start} au ${end}`,
  },
  en: {
    dayPattern: (_dayOfMonth: number, withYear: boolean) => `EEEE d MMMM${withYear ? ' yyyy' : ''}`,
    timePattern: 'HH:mm',
    onDay: (day: string) => `on ${day}`,
    dayRange: (start: string, end: string) => `from ${start} to ${end}`,
    dayAndTime: (day: string, time: string) => `${day} at ${time}`,
    sameDaySlot: (day: string, start: string, end: string) => `on ${day}, from ${start} to ${end}`,
    slotRange: (start: string, end: string) => `from ${start} to ${end}`,
  },
});

const calendarDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` Paris calendar day; throws on anything else rather than print « Invalid Date ». */
export function parseDay(day: string): TZDate {
  const match = calendarDay.exec(day);
  if (!match) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  const [year, month, dayOfMonth] = match.slice(1).map(Number) as [number, number, number];
  const date = new TZDate(year, month - 1, dayOfMonth, 'Europe/Paris');
  if (date.getMonth() !== month - 1 || date.getDate() !== dayOfMonth) throw new RangeError(`No such day: ${day}`);
  return date;
}

export function parseInstant(instant: string): Date {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO instant: ${instant}`);
  return date;
}

function formatDate(date: Date, locale: EmailLocale, withYear = true): string {
  const dayOfMonth = Number(format(date, 'd', { in: paris }));
  return format(date, wording[locale].dayPattern(dayOfMonth, withYear), { in: paris, locale: dateFnsLocales[locale] });
}

function formatTime(date: Date, locale: EmailLocale): string {
  return format(date, wording[locale].timePattern, { in: paris, locale: dateFnsLocales[locale] });
}

/** A Paris clock time `HH:MM` as the reader writes it: « 9 h 30 » / "9:30". */
export function formatClock(time: string, locale: EmailLocale): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`Not a clock time: "${time}"`);
  return formatTime(new TZDate(2000, 0, 1, Number(match[1]), Number(match[2]), 'Europe/Paris'), locale);
}

/** « mardi 31 mars 2026 » / "Tuesday 31 March 2026". */
export function formatDay(day: string, locale: EmailLocale): string {
  return formatDate(parseDay(day), locale);
}

/** The Paris day of an instant, as `YYYY-MM-DD`. */
export function parisDayOf(instant: string): string {
  return format(parseInstant(instant), 'yyyy-MM-dd', { in: paris });
}

/** « mardi 31 mars 2026 à 18 h 00 » / "Tuesday 31 March 2026 at 18:00". */
export function formatInstant(instant: string, locale: EmailLocale): string {
  const date = parseInstant(instant);
  return wording[locale].dayAndTime(formatDate(date, locale), formatTime(date, locale));
}

/** « le mardi 31 mars 2026 » or « du mardi 31 mars au jeudi 2 avril 2026 » (both days included). */
export function formatDayRange(startDay: string, endDay: string, locale: EmailLocale): string {
  const start = parseDay(startDay);
  const end = parseDay(endDay);
  if (startDay === endDay) return wording[locale].onDay(formatDate(start, locale));
  const sameYear = start.getFullYear() === end.getFullYear();
  return wording[locale].dayRange(formatDate(start, locale, !sameYear), formatDate(end, locale));
}

/** « le mardi 14 avril 2026, de 9 h 30 à 12 h 00 », or both ends in full when the slot spans days. */
export function formatSlot(startsAt: string, endsAt: string, locale: EmailLocale): string {
  const start = parseInstant(startsAt);
  const end = parseInstant(endsAt);
  const strings = wording[locale];
  if (parisDayOf(startsAt) === parisDayOf(endsAt)) {
    return strings.sameDaySlot(formatDate(start, locale), formatTime(start, locale), formatTime(end, locale));
  }
  return strings.slotRange(formatInstant(startsAt, locale), formatInstant(endsAt, locale));
}

const durations = defineStrings({
  fr: {
    days: (count: number) => (count <= 1 ? `${count} jour` : `${count} jours`),
    hours: (count: number) => (count <= 1 ? `${count} heure` : `${count} heures`),
    minutes: (count: number) => (count <= 1 ? `${count} minute` : `${count} minutes`),
  },
  en: {
    days: (count: number) => (count === 1 ? '1 day' : `${count} days`),
    hours: (count: number) => (count === 1 ? '1 hour' : `${count} hours`),
    minutes: (count: number) => (count === 1 ? '1 minute' : `${count} minutes`),
  },
});

/** « 30 minutes », « 24 heures », « 7 jours »: the largest whole unit, days from two on. */
export function formatDuration(minutes: number, locale: EmailLocale): string {
  const t = durations[locale];
  if (minutes >= 2880 && minutes % 1440 === 0) return t.days(minutes / 1440);
  if (minutes >= 60 && minutes % 60 === 0) return t.hours(minutes / 60);
  return t.minutes(minutes);
}
