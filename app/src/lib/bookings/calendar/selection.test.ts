import { describe, expect, it } from 'vitest';
import type { AvailabilityDay } from '@mutua/server/contract';
import {
  calendarQuery,
  canStartOn,
  choiceFor,
  daysToLoad,
  dayState,
  endDaysFor,
  loanFits,
  monthToShow,
  rangePlace,
  selectionFromUrl,
  unitsFromUrl,
} from './selection.ts';

/** June 2027: Tuesday 1st … Wednesday 30th. Handover on Tuesdays, Thursdays and Saturdays. */
const handoverWeekdays = new Set([2, 4, 6]);
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

function june(overrides: Record<string, Partial<AvailabilityDay>> = {}, quantity = 2): AvailabilityDay[] {
  return Array.from({ length: 30 }, (_, index) => {
    const date = `2027-06-${String(index + 1).padStart(2, '0')}`;
    return {
      date,
      unitsFree: quantity,
      bookable: true,
      handover: handoverWeekdays.has(weekdayOf(date)),
      reason: null,
      blockedReason: null,
      ...overrides[date],
    };
  });
}
const byDate = (days: AvailabilityDay[]) => new Map(days.map((day) => [day.date, day]));
const day = (date: string, rest: Partial<AvailabilityDay> = {}): AvailabilityDay => ({
  date,
  unitsFree: 2,
  bookable: true,
  handover: true,
  reason: null,
  blockedReason: null,
  ...rest,
});
const limits = { minLoanDays: 1, maxLoanDays: null, bufferDays: 0 };

describe('dayState', () => {
  it('tells free, partly and fully booked days apart', () => {
    expect(dayState(day('2027-06-01'), 2)).toBe('free');
    expect(dayState(day('2027-06-01', { unitsFree: 1 }), 2)).toBe('partial');
    // Fewer units free than wanted: the API says fully booked, yet some units are free.
    expect(dayState(day('2027-06-01', { unitsFree: 1, bookable: false, reason: 'fully_booked' }), 2)).toBe('partial');
    expect(dayState(day('2027-06-01', { unitsFree: 0, bookable: false, reason: 'fully_booked' }), 2)).toBe('full');
  });

  it('puts the lender’s blocked days and the days out of reach apart', () => {
    expect(dayState(day('2027-06-01', { bookable: false, reason: 'blocked', blockedReason: 'repair' }), 2)).toBe(
      'blocked',
    );
    for (const reason of ['past', 'notice', 'beyond_horizon'] as const) {
      expect(dayState(day('2027-06-01', { bookable: false, reason }), 2)).toBe('unavailable');
    }
    // All units free, but the item must rest between this day and the next loan.
    expect(dayState(day('2027-06-01', { unitsFree: 2, bookable: false, reason: 'fully_booked' }), 2)).toBe(
      'unavailable',
    );
  });
});

describe('endDaysFor', () => {
  it('offers the handover days from the start on, the start itself included for one-day loans', () => {
    const days = june();
    expect(canStartOn(byDate(days).get('2027-06-01'))).toBe(true);
    expect(canStartOn(byDate(days).get('2027-06-02'))).toBe(false); // a Wednesday
    expect([...endDaysFor('2027-06-01', days, limits)].slice(0, 4)).toEqual([
      '2027-06-01',
      '2027-06-03',
      '2027-06-05',
      '2027-06-08',
    ]);
  });

  it('keeps to the minimum and maximum length of a loan', () => {
    const ends = endDaysFor('2027-06-01', june(), { minLoanDays: 3, maxLoanDays: 8, bufferDays: 0 });
    expect([...ends]).toEqual(['2027-06-03', '2027-06-05', '2027-06-08']);
  });

  it('stops at the first day that cannot be booked', () => {
    const days = june({ '2027-06-06': { bookable: false, reason: 'blocked', blockedReason: 'closed' } });
    expect([...endDaysFor('2027-06-01', days, limits)]).toEqual(['2027-06-01', '2027-06-03', '2027-06-05']);
  });

  it('keeps the lender’s buffer after the loan free enough', () => {
    // A loan from the 10th holds the units: with 2 days of buffer, the loan must end by the 7th.
    const days = june({ '2027-06-10': { unitsFree: 0, bookable: false, reason: 'fully_booked' } });
    expect([...endDaysFor('2027-06-01', days, { ...limits, bufferDays: 2 })]).toEqual([
      '2027-06-01',
      '2027-06-03',
      '2027-06-05',
    ]);
    expect([...endDaysFor('2027-06-01', days, { ...limits, bufferDays: 0 })]).toContain('2027-06-08');
  });

  it('asks for as many units as wanted in the buffer', () => {
    const days = june({ '2027-06-04': { unitsFree: 1 } });
    expect(endDaysFor('2027-06-01', days, { ...limits, bufferDays: 1 }, 2).has('2027-06-03')).toBe(false);
    expect(endDaysFor('2027-06-01', days, { ...limits, bufferDays: 1 }, 1).has('2027-06-03')).toBe(true);
  });

  it('walks past the days it does not know (a start chosen in an earlier month)', () => {
    const days = june().filter((d) => d.date >= '2027-06-15');
    const ends = endDaysFor('2027-05-27', days, { ...limits, maxLoanDays: 21 });
    // From Thursday 27 May, 21 days at most: Tuesday 15 June is the last possible return.
    expect([...ends]).toEqual(['2027-06-15']);
  });

  it('offers nothing from a start that cannot be booked', () => {
    const days = june({ '2027-06-01': { bookable: false, reason: 'notice' } });
    expect(endDaysFor('2027-06-01', days, limits).size).toBe(0);
  });
});

describe('loanFits', () => {
  it('tells whether a whole loan fits', () => {
    const days = june({ '2027-06-09': { unitsFree: 0, bookable: false, reason: 'fully_booked' } });
    expect(loanFits('2027-06-01', '2027-06-05', days, limits)).toBe(true);
    expect(loanFits('2027-06-01', '2027-06-10', days, limits)).toBe(false);
    expect(loanFits('2027-06-02', '2027-06-05', days, limits)).toBe(false); // no pickup on Wednesdays
    expect(loanFits('2027-06-01', '2027-06-04', days, limits)).toBe(false); // no return on Fridays
  });
});

describe('choiceFor', () => {
  const days = june();
  const map = byDate(days);
  const ends = endDaysFor('2027-06-08', days, { ...limits, minLoanDays: 2 });

  it('starts a choice on a possible first day', () => {
    expect(choiceFor('2027-06-08', { start: null, end: null }, map, new Set())).toEqual({
      role: 'start',
      selection: { start: '2027-06-08', end: null },
    });
    expect(choiceFor('2027-06-09', { start: null, end: null }, map, new Set())).toBeNull();
  });

  it('ends it on a possible last day, or moves the start', () => {
    const chosen = { start: '2027-06-08', end: null };
    expect(choiceFor('2027-06-12', chosen, map, ends)).toEqual({
      role: 'end',
      selection: { start: '2027-06-08', end: '2027-06-12' },
    });
    expect(choiceFor('2027-06-03', chosen, map, ends)).toEqual({
      role: 'start',
      selection: { start: '2027-06-03', end: null },
    });
    // The start itself is no end when a loan lasts 2 days at least: choosing it again undoes it.
    expect(choiceFor('2027-06-08', chosen, map, ends)).toEqual({
      role: 'clear',
      selection: { start: null, end: null },
    });
    // A one-day loan ends on its first day.
    const oneDay = endDaysFor('2027-06-08', days, limits);
    expect(choiceFor('2027-06-08', chosen, map, oneDay)).toEqual({
      role: 'end',
      selection: { start: '2027-06-08', end: '2027-06-08' },
    });
  });

  it('starts over once a whole loan is chosen', () => {
    expect(choiceFor('2027-06-15', { start: '2027-06-08', end: '2027-06-12' }, map, ends)).toEqual({
      role: 'start',
      selection: { start: '2027-06-15', end: null },
    });
  });
});

describe('the chosen range', () => {
  it('is read from du and au', () => {
    expect(selectionFromUrl(new URLSearchParams('du=2027-06-08&au=2027-06-12'))).toEqual({
      start: '2027-06-08',
      end: '2027-06-12',
    });
    expect(selectionFromUrl(new URLSearchParams('du=2027-06-08&au=2027-06-01'))).toEqual({
      start: '2027-06-08',
      end: null,
    });
    expect(selectionFromUrl(new URLSearchParams('au=2027-06-12'))).toEqual({ start: null, end: null });
    expect(selectionFromUrl(new URLSearchParams('du=2027-02-30'))).toEqual({ start: null, end: null });
  });

  it('places each day in it', () => {
    const selection = { start: '2027-06-08', end: '2027-06-12' };
    expect(
      ['2027-06-07', '2027-06-08', '2027-06-10', '2027-06-12', '2027-06-13'].map((date) => rangePlace(date, selection)),
    ).toEqual([null, 'start', 'within', 'end', null]);
    expect(rangePlace('2027-06-08', { start: '2027-06-08', end: null })).toBe('start');
  });

  it('goes into links that keep the other parameters', () => {
    const current = new URLSearchParams('du=2027-06-08&quantite=2&mois=2027-06');
    expect(calendarQuery(current, { selection: { start: '2027-06-08', end: '2027-06-12' } })).toBe(
      'quantite=2&mois=2027-06&du=2027-06-08&au=2027-06-12',
    );
    expect(calendarQuery(current, { month: '2027-07' })).toBe('quantite=2&mois=2027-07&du=2027-06-08');
    expect(calendarQuery(current, { selection: { start: null, end: null } })).toBe('quantite=2&mois=2027-06');
    expect(calendarQuery(new URLSearchParams('mois=nope&au=2027-06-12'), {})).toBe('');
  });

  it('decides the month to show, within the months a loan may reach', () => {
    const window = { today: '2027-04-28', firstBookableDay: '2027-05-02', lastBookableDay: '2027-10-25' };
    const none = { start: null, end: null };
    expect(monthToShow(new URLSearchParams('mois=2027-09'), { start: '2027-06-08', end: null }, window)).toBe(
      '2027-09',
    );
    expect(monthToShow(new URLSearchParams('mois=bad'), { start: '2027-06-08', end: null }, window)).toBe('2027-06');
    expect(monthToShow(new URLSearchParams(''), none, window)).toBe('2027-05');
    expect(monthToShow(new URLSearchParams('mois=2026-01'), none, window)).toBe('2027-04');
    expect(monthToShow(new URLSearchParams('mois=2030-01'), none, window)).toBe('2027-10');
  });

  it('asks for the month and its buffer, from an earlier chosen start', () => {
    expect(daysToLoad('2027-06', { start: null, end: null }, 2)).toEqual({ from: '2027-06-01', to: '2027-07-02' });
    expect(daysToLoad('2027-06', { start: '2027-05-20', end: null }, 0)).toEqual({
      from: '2027-05-20',
      to: '2027-06-30',
    });
    expect(daysToLoad('2027-06', { start: '2027-05-20', end: '2027-06-02' }, 0)).toEqual({
      from: '2027-06-01',
      to: '2027-06-30',
    });
    // Too far back for one request: the month alone (the API checks the rest).
    expect(daysToLoad('2028-06', { start: '2027-05-20', end: null }, 0)).toEqual({
      from: '2028-06-01',
      to: '2028-06-30',
    });
  });

  it('leaves a form action’s name out of links', () => {
    expect(calendarQuery(new URLSearchParams('du=2027-06-08&/request='), { month: '2027-06' })).toBe(
      'mois=2027-06&du=2027-06-08',
    );
  });
});

describe('unitsFromUrl', () => {
  it('reads the units wanted, within what the item has', () => {
    expect(unitsFromUrl(new URLSearchParams('quantite=3'), 4)).toBe(3);
    expect(unitsFromUrl(new URLSearchParams('quantite=9'), 4)).toBe(4);
    expect(unitsFromUrl(new URLSearchParams('quantite=0'), 4)).toBe(1);
    expect(unitsFromUrl(new URLSearchParams('quantite=-2'), 4)).toBe(1);
    expect(unitsFromUrl(new URLSearchParams('quantite=2.5'), 4)).toBe(1);
    expect(unitsFromUrl(new URLSearchParams(''), 4)).toBe(1);
  });
});
