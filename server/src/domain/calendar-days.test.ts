import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysFrom,
  eachDay,
  isCalendarDay,
  isInstant,
  isoWeekday,
  loanLength,
  parisClockOf,
  parisDayOf,
  parisInstant,
  parisToday,
} from './calendar-days.ts';

// vitest runs in America/Sao_Paulo: code that leans on the machine's zone fails here.
describe('Paris calendar days', () => {
  it('tells today in Paris, not on the machine', () => {
    expect(parisToday(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
    expect(parisToday(new Date('2027-10-30T21:59:00Z'))).toBe('2027-10-30');
    expect(parisToday(new Date('2027-10-30T22:00:00Z'))).toBe('2027-10-31');
  });

  it('adds days across the spring and autumn clock changes', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-10-30', 2)).toBe('2027-11-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysFrom('2027-03-27', '2027-03-30')).toBe(3);
    expect(daysFrom('2027-10-30', '2027-10-31')).toBe(1);
    expect(loanLength('2027-10-30', '2027-11-01')).toBe(3);
    expect(eachDay('2027-03-27', '2027-03-29')).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });

  it('knows the weekday of a day', () => {
    expect(isoWeekday('2027-03-28')).toBe(7); // dimanche
    expect(isoWeekday('2027-03-29')).toBe(1);
  });

  it('places a wall-clock time of Paris on the right instant in summer and winter', () => {
    expect(parisInstant('2027-03-27', '10:00').toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(parisInstant('2027-03-29', '10:00').toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(parisClockOf(new Date('2027-10-31T09:00:00Z'))).toBe('10:00');
    expect(parisDayOf(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });

  it('refuses days that do not exist', () => {
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-13-01')).toBe(false);
  });

  it('takes the days from 1900 to 2999 only: no year 0 for PostgreSQL, no 19xx misread by JavaScript', () => {
    for (const day of ['1900-01-01', '2027-03-28', '2999-12-31']) expect(isCalendarDay(day), day).toBe(true);
    for (const day of [
      '0000-01-01',
      '0050-06-01',
      '1899-12-31',
      '3000-01-01',
      '9999-12-31',
      '10000-01-01',
      '-000001-01-01',
    ])
      expect(isCalendarDay(day), day).toBe(false);
  });

  it('takes ISO instants that JavaScript and PostgreSQL read alike', () => {
    for (const instant of [
      '2027-03-28T10:00:00Z',
      '2027-03-28T10:00:00.123Z',
      '2027-03-28T10:00:00.123456789Z',
      '2027-03-28T10:00:00+02:00',
      '2027-03-28T10:00:00-14:00',
      '2027-03-28t10:00:00z',
    ])
      expect(isInstant(instant), instant).toBe(true);
    for (const instant of [
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2027-06-30T23:59:60Z',
      '2027-03-28T24:00:00Z',
      '2027-03-28T10:00:00+23:59',
      '2027-03-28T10:00:00+14:30',
      '2027-03-28T10:00:00+02',
      '2027-03-28T10:00:00',
      '2027-03-28 10:00:00Z',
      '2027-02-29T10:00:00Z',
    ])
      expect(isInstant(instant), instant).toBe(false);
  });
});

describe('day arithmetic agrees with date-fns in Paris', () => {
  it('for every day of 2026 to 2028, whatever the machine’s zone', async () => {
    const { TZDate } = await import('@date-fns/tz');
    const { addDays: addParisDays, format, getISODay } = await import('date-fns');
    for (let day = '2026-01-01'; day < '2029-01-01'; day = addDays(day, 1)) {
      const [year, month, date] = day.split('-').map(Number);
      const paris = new TZDate(year!, month! - 1, date!, 'Europe/Paris');
      expect(format(addParisDays(paris, 1), 'yyyy-MM-dd')).toBe(addDays(day, 1));
      expect(getISODay(paris)).toBe(isoWeekday(day));
    }
    expect(daysFrom('2026-01-01', '2029-01-01')).toBe(366 + 365 * 2);
  });
});
