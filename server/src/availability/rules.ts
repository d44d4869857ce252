import { fr } from 'date-fns/locale';
import { format } from 'date-fns';
import type { AvailabilityDay, BlockedReason, UnavailableReason } from '../domain/bookings.ts';
import { addDays, daysFrom, eachDay, isoWeekday, loanLength, parisMidnight } from '../domain/calendar-days.ts';
import type { ErrorDetail } from '../domain/errors.ts';

/**
 * The availability rules of an item, as pure functions: what the calendar shows and what a
 * request must respect. The database has the last word on units (booking_units_no_overlap);
 * these rules give the clear answers before it has to.
 */
export type LoanRules = {
  quantity: number;
  minLoanDays: number;
  maxLoanDays: number | null;
  minNoticeDays: number;
  handoverWeekdays: number[];
  bufferDays: number;
  horizonDays: number;
};

/** A unit held by a loan (accepted, out, or back and resting): [heldFrom, heldUntil) includes the buffer. */
export type Hold = { unitNumber: number; heldFrom: string; heldUntil: string };
export type BlockedPeriod = { startDate: string; endDate: string; reason: BlockedReason };

/** The field of the request at fault (the caller places it: `lines.2.endDate` in a basket), the rule, a French sentence. */
export type RuleBreach = ErrorDetail & { path: 'startDate' | 'endDate' | 'quantity' };

export function bookableWindow(rules: LoanRules, today: string) {
  return { firstBookableDay: addDays(today, rules.minNoticeDays), lastBookableDay: addDays(today, rules.horizonDays) };
}

/** The days a loan from `startDate` to `endDate` holds its units: to the day after its end, plus the buffer. */
export function heldRange(startDate: string, endDate: string, bufferDays: number) {
  return { heldFrom: startDate, heldUntil: addDays(endDate, 1 + bufferDays) };
}

/**
 * The calendar from `from` to `to`: units free per day and, when a day cannot be part of a loan,
 * why. A loan that includes a day holds at least that day and the buffer after it, so a day is
 * fully booked when `wanted` units are not free on all of those (the holds must reach `to` plus
 * the buffer). Every day of a range being bookable is then enough for the units.
 */
export function describeDays(
  rules: LoanRules,
  today: string,
  range: { from: string; to: string },
  holds: Hold[],
  blocked: BlockedPeriod[],
  wanted = 1,
): AvailabilityDay[] {
  const { firstBookableDay, lastBookableDay } = bookableWindow(rules, today);
  const dates = eachDay(range.from, range.to);
  // Units held per day from `from`, counted once per hold (a unit has one hold a day), buffer days after `to` included.
  const held = new Array<number>(dates.length + rules.bufferDays).fill(0);
  for (const hold of holds) {
    const until = Math.min(held.length, daysFrom(range.from, hold.heldUntil));
    for (let index = Math.max(0, daysFrom(range.from, hold.heldFrom)); index < until; index += 1) held[index]! += 1;
  }
  const firstWeekday = isoWeekday(range.from);
  return dates.map((date, index) => {
    const unitsFree = Math.max(0, rules.quantity - held[index]!);
    const freeWithBuffer = rules.quantity - Math.max(...held.slice(index, index + 1 + rules.bufferDays));
    const blockedBy = blocked.find((period) => period.startDate <= date && date <= period.endDate);
    let reason: UnavailableReason | null = null;
    if (date < today) reason = 'past';
    else if (date < firstBookableDay) reason = 'notice';
    else if (date > lastBookableDay) reason = 'beyond_horizon';
    else if (blockedBy) reason = 'blocked';
    else if (freeWithBuffer < wanted) reason = 'fully_booked';
    return {
      date,
      unitsFree,
      bookable: reason === null,
      handover: rules.handoverWeekdays.includes(((firstWeekday - 1 + index) % 7) + 1),
      reason,
      blockedReason: blockedBy?.reason ?? null,
    };
  });
}

/**
 * The fewest units free on any day of [heldFrom, heldUntil): how many units a loan holding those
 * days can take. Units are interchangeable, so this is exact once units are packed (packUnits).
 */
export function unitsFreeThroughout(
  quantity: number,
  holds: Hold[],
  wanted: { heldFrom: string; heldUntil: string },
): number {
  const changes: Array<[day: string, change: number]> = [];
  for (const hold of holds) {
    const from = hold.heldFrom > wanted.heldFrom ? hold.heldFrom : wanted.heldFrom;
    const until = hold.heldUntil < wanted.heldUntil ? hold.heldUntil : wanted.heldUntil;
    if (from < until) changes.push([from, 1], [until, -1]);
  }
  // A hold ending on a day frees it before another one starting that day takes it.
  changes.sort(([dayA, changeA], [dayB, changeB]) => (dayA === dayB ? changeA - changeB : dayA < dayB ? -1 : 1));
  let held = 0;
  let busiest = 0;
  for (const [, change] of changes) {
    held += change;
    busiest = Math.max(busiest, held);
  }
  return Math.max(0, quantity - busiest);
}

/**
 * Unit numbers for every hold so that the fewest units are used: by first day, each hold takes a
 * unit that is free by then — its own when it can, else the lowest (interval partitioning: it
 * needs exactly as many units as the busiest day). A hold without a unit yet has unitNumber 0.
 */
export function packUnits<H extends Hold>(holds: H[]): Array<H & { unitNumber: number }> {
  const busyUntil: string[] = []; // busyUntil[unit - 1]: the day the unit is free again
  const ordered = [...holds].sort((a, b) =>
    a.heldFrom === b.heldFrom ? (a.heldUntil < b.heldUntil ? -1 : 1) : a.heldFrom < b.heldFrom ? -1 : 1,
  );
  return ordered.map((hold) => {
    const isFree = (unit: number) => busyUntil[unit - 1] === undefined || busyUntil[unit - 1]! <= hold.heldFrom;
    let unit = hold.unitNumber > 0 && isFree(hold.unitNumber) ? hold.unitNumber : 0;
    for (let candidate = 1; unit === 0; candidate += 1) if (isFree(candidate)) unit = candidate;
    busyUntil[unit - 1] = hold.heldUntil;
    return { ...hold, unitNumber: unit };
  });
}

/** The unit numbers a loan could take: those no hold overlaps, lowest first. */
export function freeUnitNumbers(
  quantity: number,
  holds: Hold[],
  wanted: { heldFrom: string; heldUntil: string },
): number[] {
  const busy = new Set(
    holds
      .filter((hold) => hold.heldFrom < wanted.heldUntil && wanted.heldFrom < hold.heldUntil)
      .map((hold) => hold.unitNumber),
  );
  return Array.from({ length: quantity }, (_, index) => index + 1).filter((unit) => !busy.has(unit));
}

/** The first rule a request for these dates breaks, with a French sentence that names it. */
export function loanRuleBreach(
  rules: LoanRules,
  today: string,
  loan: { startDate: string; endDate: string; quantity: number },
  blocked: BlockedPeriod[],
): RuleBreach | null {
  const { startDate, endDate, quantity } = loan;
  const { firstBookableDay, lastBookableDay } = bookableWindow(rules, today);
  if (endDate < startDate)
    return { path: 'endDate', code: 'order', message: 'Le dernier jour du prêt doit suivre le premier.' };
  if (startDate < today)
    return {
      path: 'startDate',
      code: 'past',
      message: 'Ces dates sont passées : choisissez un premier jour à partir d’aujourd’hui.',
    };
  if (startDate < firstBookableDay) {
    return {
      path: 'startDate',
      code: 'notice',
      message: `Le prêteur demande ${plural(rules.minNoticeDays, 'jour')} de préavis : premier jour possible le ${longDay(firstBookableDay)}.`,
    };
  }
  if (endDate > lastBookableDay) {
    return {
      path: 'endDate',
      code: 'horizon',
      message: `On réserve au plus ${plural(rules.horizonDays, 'jour')} à l’avance : dernier jour possible le ${longDay(lastBookableDay)}.`,
    };
  }
  const length = loanLength(startDate, endDate);
  if (length < rules.minLoanDays)
    return {
      path: 'endDate',
      code: 'min_length',
      message: `Ce matériel se prête au moins ${plural(rules.minLoanDays, 'jour')}.`,
    };
  if (rules.maxLoanDays !== null && length > rules.maxLoanDays) {
    return {
      path: 'endDate',
      code: 'max_length',
      message: `Ce matériel se prête au plus ${plural(rules.maxLoanDays, 'jour')} (vous en demandez ${length}).`,
    };
  }
  if (quantity > rules.quantity) {
    return {
      path: 'quantity',
      code: 'quantity',
      message: `${onlyUnits(rules.quantity)} : vous en demandez ${quantity}.`,
    };
  }
  for (const [field, day, what] of [
    ['startDate', startDate, 'Le retrait'],
    ['endDate', endDate, 'Le retour'],
  ] as const) {
    if (!rules.handoverWeekdays.includes(isoWeekday(day))) {
      return {
        path: field,
        code: 'handover_day',
        message: `${what} n’est pas possible le ${weekdayName(day)} : ${handoverDaysSentence(rules.handoverWeekdays)}.`,
      };
    }
  }
  const closed = blocked.find((period) => period.startDate <= endDate && startDate <= period.endDate);
  if (closed) {
    return {
      path: 'startDate',
      code: 'blocked',
      message: `Ce matériel n’est pas prêté du ${longDay(closed.startDate)} au ${longDay(closed.endDate)} (${blockedReasonLabels[closed.reason]}).`,
    };
  }
  return null;
}

export function onlyUnits(quantity: number): string {
  return quantity === 1 ? 'Ce matériel n’a qu’une unité' : `Ce matériel n’a que ${quantity} unités`;
}

export const blockedReasonLabels: Record<BlockedReason, string> = {
  closed: 'fermeture',
  repair: 'réparation',
  internal_use: 'usage interne',
};

export function longDay(day: string): string {
  return format(parisMidnight(day), 'EEEE d MMMM yyyy', { locale: fr });
}

function weekdayName(day: string): string {
  return format(parisMidnight(day), 'EEEE', { locale: fr });
}

/** French weekday names by ISO weekday − 1 (lundi first), for the rules' messages. */
export const weekdayNames = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function handoverDaysSentence(weekdays: number[]): string {
  return `retraits et retours le ${weekdays.map((day) => weekdayNames[day - 1]).join(', ')}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count > 1 ? 's' : ''}`;
}
