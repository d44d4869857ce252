import { fr } from 'date-fns/locale';
import { format } from 'date-fns';
import type { AvailabilityDay, BlockedReason, UnavailableReason } from '../domain/bookings.ts';
import { addDays, eachDay, isoWeekday, loanLength, parisMidnight } from '../domain/calendar-days.ts';

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

/** A unit held by an accepted or picked-up loan: [heldFrom, heldUntil) includes the buffer. */
export type Hold = { unitNumber: number; heldFrom: string; heldUntil: string };
export type BlockedPeriod = { startDate: string; endDate: string; reason: BlockedReason };

export type RuleBreach = { field: 'startDate' | 'endDate' | 'quantity'; rule: string; message: string };

export function bookableWindow(rules: LoanRules, today: string) {
  return { firstBookableDay: addDays(today, rules.minNoticeDays), lastBookableDay: addDays(today, rules.horizonDays) };
}

/** The days a loan from `startDate` to `endDate` holds its units: to the day after its end, plus the buffer. */
export function heldRange(startDate: string, endDate: string, bufferDays: number) {
  return { heldFrom: startDate, heldUntil: addDays(endDate, 1 + bufferDays) };
}

/** Units held on `day` (a buffer day counts: the unit is being checked, not lent). */
function unitsHeldOn(day: string, holds: Hold[]): number {
  return new Set(holds.filter((hold) => hold.heldFrom <= day && day < hold.heldUntil).map((hold) => hold.unitNumber)).size;
}

/** The calendar from `from` to `to`: units free per day and, when a day cannot be part of a loan, why. */
export function describeDays(
  rules: LoanRules,
  today: string,
  range: { from: string; to: string },
  holds: Hold[],
  blocked: BlockedPeriod[],
  wanted = 1,
): AvailabilityDay[] {
  const { firstBookableDay, lastBookableDay } = bookableWindow(rules, today);
  return eachDay(range.from, range.to).map((date) => {
    const unitsFree = Math.max(0, rules.quantity - unitsHeldOn(date, holds));
    const blockedBy = blocked.find((period) => period.startDate <= date && date <= period.endDate);
    let reason: UnavailableReason | null = null;
    if (date < today) reason = 'past';
    else if (date < firstBookableDay) reason = 'notice';
    else if (date > lastBookableDay) reason = 'beyond_horizon';
    else if (blockedBy) reason = 'blocked';
    else if (unitsFree < wanted) reason = 'fully_booked';
    return {
      date,
      unitsFree,
      bookable: reason === null,
      handover: rules.handoverWeekdays.includes(isoWeekday(date)),
      reason,
      blockedReason: blockedBy?.reason ?? null,
    };
  });
}

/** The unit numbers a loan could take: those no hold overlaps, lowest first. */
export function freeUnitNumbers(quantity: number, holds: Hold[], wanted: { heldFrom: string; heldUntil: string }): number[] {
  const busy = new Set(holds.filter((hold) => hold.heldFrom < wanted.heldUntil && wanted.heldFrom < hold.heldUntil).map((hold) => hold.unitNumber));
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
  if (endDate < startDate) return { field: 'endDate', rule: 'order', message: 'Le dernier jour du prêt doit suivre le premier.' };
  if (startDate < today) return { field: 'startDate', rule: 'past', message: 'Ces dates sont passées : choisissez un premier jour à partir d’aujourd’hui.' };
  if (startDate < firstBookableDay) {
    return { field: 'startDate', rule: 'notice', message: `Le prêteur demande ${plural(rules.minNoticeDays, 'jour')} de préavis : premier jour possible le ${longDay(firstBookableDay)}.` };
  }
  if (endDate > lastBookableDay) {
    return { field: 'endDate', rule: 'horizon', message: `On réserve au plus ${plural(rules.horizonDays, 'jour')} à l’avance : dernier jour possible le ${longDay(lastBookableDay)}.` };
  }
  const length = loanLength(startDate, endDate);
  if (length < rules.minLoanDays) return { field: 'endDate', rule: 'min_length', message: `Ce matériel se prête au moins ${plural(rules.minLoanDays, 'jour')}.` };
  if (rules.maxLoanDays !== null && length > rules.maxLoanDays) {
    return { field: 'endDate', rule: 'max_length', message: `Ce matériel se prête au plus ${plural(rules.maxLoanDays, 'jour')} (vous en demandez ${length}).` };
  }
  if (quantity > rules.quantity) {
    return { field: 'quantity', rule: 'quantity', message: `Ce matériel n’a que ${plural(rules.quantity, 'unité')} : vous en demandez ${quantity}.` };
  }
  for (const [field, day, what] of [['startDate', startDate, 'Le retrait'], ['endDate', endDate, 'Le retour']] as const) {
    if (!rules.handoverWeekdays.includes(isoWeekday(day))) {
      return { field, rule: 'handover_day', message: `${what} n’est pas possible le ${weekdayName(day)} : ${handoverDaysSentence(rules.handoverWeekdays)}.` };
    }
  }
  const closed = blocked.find((period) => period.startDate <= endDate && startDate <= period.endDate);
  if (closed) {
    return {
      field: 'startDate',
      rule: 'blocked',
      message: `Ce matériel n’est pas prêté du ${longDay(closed.startDate)} au ${longDay(closed.endDate)} (${blockedReasonLabels[closed.reason]}).`,
    };
  }
  return null;
}

export const blockedReasonLabels: Record<BlockedReason, string> = { closed: 'fermeture', repair: 'réparation', internal_use: 'usage interne' };

export function longDay(day: string): string {
  return format(parisMidnight(day), 'EEEE d MMMM yyyy', { locale: fr });
}

function weekdayName(day: string): string {
  return format(parisMidnight(day), 'EEEE', { locale: fr });
}

const weekdayNames = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function handoverDaysSentence(weekdays: number[]): string {
  return `retraits et retours le ${weekdays.map((day) => weekdayNames[day - 1]).join(', ')}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count > 1 ? 's' : ''}`;
}
