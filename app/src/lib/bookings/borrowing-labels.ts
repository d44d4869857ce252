/**
 * Borrowing in words: the months and days of the calendar, and an item's loan rules as plain
 * sentences. Days are `YYYY-MM-DD` strings read at midnight UTC, so the machine's zone never
 * shifts them (the same way as formatCalendarDay).
 */
import type { ItemDetail } from '@mutua/server/contract';
import { type Locale, plural, type Translator } from '../i18n/index.ts';
import type { Month } from './calendar/month.ts';

const intlLocale = (lang: Locale) => (lang === 'fr' ? 'fr-FR' : 'en-GB');
const atMidnightUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** « Juin 2027 ». */
export function monthLabel(lang: Locale, month: Month): string {
  return capitalise(
    new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      atMidnightUtc(`${month}-01`),
    ),
  );
}

/** « mardi 8 juin 2027 ». */
export function longDayLabel(lang: Locale, day: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(atMidnightUtc(day));
}

/** « mardi 8 juin » (the year said once, by the sentence around it). */
export function shortDayLabel(lang: Locale, day: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(atMidnightUtc(day));
}

/** The name of an ISO weekday (1 = Monday): 1 January 2024 was a Monday. */
export function weekdayName(lang: Locale, weekday: number, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: width, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** The calendar's column heads, Monday first. */
export function weekdayHeads(lang: Locale): Array<{ long: string; short: string }> {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    long: weekdayName(lang, weekday),
    short: weekdayName(lang, weekday, 'short'),
  }));
}

/** A clock time `HH:MM` as people say it: « 9 h », « 9 h 30 » in French; « 9:00 », « 17:30 » in English. */
export function clockLabel(lang: Locale, clock: string): string {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  if (lang === 'fr') return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
  return `${hours}:${String(minutes).padStart(2, '0')}`;
}

/**
 * The handover weekdays: « tous les jours », « du lundi au vendredi » (three days or more in a
 * row), else a list: « mardi, jeudi et samedi ».
 */
export function handoverDaysLabel(t: Translator, weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  if (days.length === 7) return t('borrowing.rules.everyDay');
  const first = days[0];
  const last = days.at(-1);
  if (first !== undefined && last !== undefined && days.length >= 3 && last - first === days.length - 1) {
    return t('borrowing.rules.dayRange', { first: weekdayName(t.lang, first), last: weekdayName(t.lang, last) });
  }
  return new Intl.ListFormat(intlLocale(t.lang), { style: 'long', type: 'conjunction' }).format(
    days.map((day) => weekdayName(t.lang, day)),
  );
}

type LoanRules = Pick<
  ItemDetail,
  | 'handoverWeekdays'
  | 'handoverOpensAt'
  | 'handoverClosesAt'
  | 'minLoanDays'
  | 'maxLoanDays'
  | 'minNoticeDays'
  | 'bufferDays'
  | 'horizonDays'
>;

/** An item's rules, one sentence each: handover days and hours, length, notice, buffer, horizon. */
export function loanRuleSentences(t: Translator, rules: LoanRules): string[] {
  const days = (count: number) => plural(t, 'units.days', count);
  const handoverDays = handoverDaysLabel(t, rules.handoverWeekdays);
  const sentences = [
    rules.handoverOpensAt && rules.handoverClosesAt
      ? t('borrowing.rules.handoverHours', {
          days: handoverDays,
          opens: clockLabel(t.lang, rules.handoverOpensAt),
          closes: clockLabel(t.lang, rules.handoverClosesAt),
        })
      : t('borrowing.rules.handover', { days: handoverDays }),
  ];
  if (rules.maxLoanDays === null) sentences.push(t('borrowing.rules.lengthFrom', { min: days(rules.minLoanDays) }));
  else if (rules.maxLoanDays === rules.minLoanDays)
    sentences.push(t('borrowing.rules.lengthExactly', { days: days(rules.minLoanDays) }));
  else sentences.push(t('borrowing.rules.lengthRange', { min: rules.minLoanDays, max: days(rules.maxLoanDays) }));
  sentences.push(
    rules.minNoticeDays > 0
      ? t('borrowing.rules.notice', { days: days(rules.minNoticeDays) })
      : t('borrowing.rules.noNotice'),
  );
  if (rules.bufferDays > 0) sentences.push(t('borrowing.rules.buffer', { days: days(rules.bufferDays) }));
  sentences.push(t('borrowing.rules.horizon', { days: days(rules.horizonDays) }));
  return sentences;
}
