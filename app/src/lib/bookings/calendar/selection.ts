/**
 * The calendar as a date-range picker: what each day looks like, which days may start a loan,
 * which may end the one being chosen, and the link each day offers. Only possible dates are
 * offered; the API still has the last word (another loan may have been accepted meanwhile).
 */
import { addDays, daysFrom } from '@mutua/server/domain/calendar-days';
import type { AvailabilityDay } from '@mutua/server/contract';
import { clampMonth, firstDayOf, lastDayOf, type Month, monthOf, parseDay, parseMonth } from './month.ts';

/** What a day looks like: never told by colour alone (see the legend and each day's label). */
export type DayState = 'free' | 'partial' | 'full' | 'blocked' | 'unavailable';

/** The chosen loan, from `?du=…&au=…` (an end without a start, or before it, is dropped). */
export type Selection = { start: string | null; end: string | null };

export type LoanLimits = { minLoanDays: number; maxLoanDays: number | null; bufferDays: number };

/** A day's link: the selection it leads to, and whether it picks the first day, the last, or undoes the first. */
export type DayChoice = { role: 'start' | 'end' | 'clear'; selection: Selection };

export const noSelection: Selection = { start: null, end: null };

/**
 * Free: every unit of the item; partly booked: some units (0 < unitsFree < quantity); fully
 * booked: none; blocked: the lender keeps it back; unavailable: past, within the notice,
 * beyond the horizon, or resting days before a loan. `quantity` is the item's.
 */
export function dayState(day: AvailabilityDay, quantity: number): DayState {
  if (day.reason === 'past' || day.reason === 'notice' || day.reason === 'beyond_horizon') return 'unavailable';
  if (day.reason === 'blocked') return 'blocked';
  if (day.unitsFree <= 0) return 'full';
  // Every unit free, yet a loan including the day would run into the next one with the rest days after it.
  if (day.reason === 'fully_booked' && day.unitsFree >= quantity) return 'unavailable';
  if (day.unitsFree < quantity || day.reason === 'fully_booked') return 'partial';
  return 'free';
}

/** A loan may start on a day that can be booked and on which the item can be picked up. */
export function canStartOn(day: AvailabilityDay | undefined): boolean {
  return Boolean(day?.bookable && day.handover);
}

/**
 * The days a loan starting on `start` may end on: handover days within the loan's length, with
 * every day from the start bookable, and the lender's buffer after it free enough (the unit is
 * checked before its next loan). Days outside `days` are not known here: they do not stop the walk.
 */
export function endDaysFor(
  start: string,
  days: readonly AvailabilityDay[],
  limits: LoanLimits,
  wanted = 1,
): Set<string> {
  const ends = new Set<string>();
  const byDate = new Map(days.map((day) => [day.date, day]));
  const first = byDate.get(start);
  if (first && !first.bookable) return ends;
  const lastKnown = days.reduce((last, day) => (day.date > last ? day.date : last), start);
  const tailFree = (end: string) => {
    for (let offset = 1; offset <= limits.bufferDays; offset += 1) {
      const day = byDate.get(addDays(end, offset));
      if (day && day.unitsFree < wanted) return false;
    }
    return true;
  };
  for (let date = start; date <= lastKnown; date = addDays(date, 1)) {
    const length = daysFrom(start, date) + 1;
    if (limits.maxLoanDays !== null && length > limits.maxLoanDays) break;
    const day = byDate.get(date);
    if (day && !day.bookable) break;
    if (day?.handover && length >= limits.minLoanDays && tailFree(date)) ends.add(date);
  }
  return ends;
}

/** Whether a loan from `start` to `end` fits the days known (used to warn about a basket line). */
export function loanFits(
  start: string,
  end: string,
  days: readonly AvailabilityDay[],
  limits: LoanLimits,
  wanted = 1,
): boolean {
  const byDate = new Map(days.map((day) => [day.date, day]));
  return canStartOn(byDate.get(start)) && endDaysFor(start, days, limits, wanted).has(end);
}

/**
 * What choosing `date` does. With no start yet, or a whole loan already chosen, a possible first
 * day starts a new choice; with a start, a possible last day ends it, another possible first day
 * moves the start there, and the start itself undoes the choice. Null: the day offers nothing.
 */
export function choiceFor(
  date: string,
  selection: Selection,
  days: ReadonlyMap<string, AvailabilityDay>,
  ends: ReadonlySet<string>,
): DayChoice | null {
  if (selection.start && !selection.end && ends.has(date))
    return { role: 'end', selection: { start: selection.start, end: date } };
  if (date === selection.start && !selection.end) return { role: 'clear', selection: noSelection };
  if (canStartOn(days.get(date))) return { role: 'start', selection: { start: date, end: null } };
  return null;
}

/** Where a day sits in the chosen range, for its highlight. */
export function rangePlace(date: string, selection: Selection): 'start' | 'end' | 'within' | null {
  const { start, end } = selection;
  if (!start) return null;
  if (date === start) return 'start';
  if (!end) return null;
  if (date === end) return 'end';
  return date > start && date < end ? 'within' : null;
}

/** The selection of a URL's `du` and `au`. */
export function selectionFromUrl(params: URLSearchParams): Selection {
  const start = parseDay(params.get('du'));
  const end = parseDay(params.get('au'));
  return { start, end: start && end && end >= start ? end : null };
}

/**
 * The query of a calendar link: the current one (other parameters kept), with the month shown
 * and the chosen days replaced.
 */
export function calendarQuery(current: URLSearchParams, changes: { month?: Month; selection?: Selection }): string {
  // A form action's name (`/request`, after a submit without JavaScript) is no part of a link.
  const params = new URLSearchParams(
    [...current].filter(([name]) => !['mois', 'du', 'au'].includes(name) && !name.startsWith('/')),
  );
  const month = changes.month ?? parseMonth(current.get('mois'));
  const { start, end } = changes.selection ?? selectionFromUrl(current);
  if (month) params.set('mois', month);
  if (start) params.set('du', start);
  if (start && end) params.set('au', end);
  return params.toString();
}

/**
 * The month to show: the one asked for, else the chosen start's, else the first month where a
 * loan may begin; never before this month nor past the last one a loan may reach.
 */
export function monthToShow(
  params: URLSearchParams,
  selection: Selection,
  window: { today: string; firstBookableDay: string; lastBookableDay: string },
): Month {
  const wanted = parseMonth(params.get('mois')) ?? monthOf(selection.start ?? window.firstBookableDay);
  return clampMonth(wanted, monthOf(window.today), monthOf(window.lastBookableDay));
}

/**
 * The days to ask the API about for a month: the month itself and the buffer after it (a loan
 * ending on the 30th must leave its buffer free); from the chosen start when it lies in an
 * earlier month, so that the whole loan is checked (within the API's 366 days).
 */
export function daysToLoad(month: Month, selection: Selection, bufferDays: number): { from: string; to: string } {
  const to = addDays(lastDayOf(month), bufferDays);
  const start = selection.start;
  const from =
    start && !selection.end && start < firstDayOf(month) && daysFrom(start, to) < 366 ? start : firstDayOf(month);
  return { from, to };
}

/** The units wanted, from `?quantite=`: a whole number from 1 to what the item has, else 1. */
export function unitsFromUrl(params: URLSearchParams, available: number): number {
  const text = (params.get('quantite') ?? '').trim();
  const units = /^[0-9]{1,5}$/.test(text) ? Number(text) : 1;
  return Math.min(Math.max(units, 1), Math.max(available, 1));
}
