import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatDuration, formatInstant, formatSlot, parisDayOf, parseDay } from './dates.ts';

const nbsp = '\u00a0';

describe('dates, read in Europe/Paris whatever the machine’s time zone', () => {
  it('runs far from Paris, so that a forgotten time zone shows', () => {
    expect(new Date('2026-03-29T12:00:00Z').getTimezoneOffset()).toBe(180);
  });

  it('reads calendar days as Paris days: the clock-change Sundays do not shift', () => {
    expect(formatDay('2026-03-29', 'fr')).toBe('dimanche 29 mars 2026');
    expect(formatDay('2026-10-25', 'fr')).toBe('dimanche 25 octobre 2026');
    expect(formatDay('2026-03-29', 'en')).toBe('Sunday 29 March 2026');
    expect(formatDay('2026-01-01', 'fr')).toBe('jeudi 1er janvier 2026');
    expect(formatDay('2026-12-31', 'en')).toBe('Thursday 31 December 2026');
  });

  it('says « 1er » for the first of the month in French only', () => {
    expect(formatDay('2026-04-01', 'fr')).toBe('mercredi 1er avril 2026');
    expect(formatDay('2026-04-01', 'en')).toBe('Wednesday 1 April 2026');
  });

  it('rejects what is not a calendar day', () => {
    for (const day of ['2026-02-30', '2026-3-1', '2026-03-29T00:00:00Z', ''])
      expect(() => parseDay(day)).toThrow(RangeError);
  });

  it('shows instants at Paris time on both sides of a clock change', () => {
    expect(formatInstant('2026-03-29T00:30:00Z', 'fr')).toBe(`dimanche 29 mars 2026 à 1${nbsp}h${nbsp}30`);
    expect(formatInstant('2026-03-29T01:30:00Z', 'fr')).toBe(`dimanche 29 mars 2026 à 3${nbsp}h${nbsp}30`);
    expect(formatInstant('2026-10-25T00:30:00Z', 'en')).toBe('Sunday 25 October 2026 at 02:30');
    expect(formatInstant('2026-10-25T01:30:00Z', 'en')).toBe('Sunday 25 October 2026 at 02:30');
  });

  it('takes the Paris day of an instant, not the UTC or local one', () => {
    expect(parisDayOf('2026-10-24T22:30:00Z')).toBe('2026-10-25');
    expect(formatInstant('2026-10-24T22:30:00Z', 'fr')).toBe(`dimanche 25 octobre 2026 à 0${nbsp}h${nbsp}30`);
    expect(() => formatInstant('yesterday', 'fr')).toThrow(RangeError);
  });

  it('writes a range of days, both included, the year once when shared', () => {
    expect(formatDayRange('2026-03-31', '2026-04-02', 'fr')).toBe('du mardi 31 mars au jeudi 2 avril 2026');
    expect(formatDayRange('2026-12-30', '2027-01-02', 'en')).toBe(
      'from Wednesday 30 December 2026 to Saturday 2 January 2027',
    );
    expect(formatDayRange('2026-10-25', '2026-10-25', 'fr')).toBe('le dimanche 25 octobre 2026');
  });

  it('writes a service slot on one day, or both ends when it spans days', () => {
    expect(formatSlot('2026-04-14T07:30:00Z', '2026-04-14T10:00:00Z', 'fr')).toBe(
      `le mardi 14 avril 2026, de 9${nbsp}h${nbsp}30 à 12${nbsp}h${nbsp}00`,
    );
    expect(formatSlot('2026-04-14T07:30:00Z', '2026-04-14T10:00:00Z', 'en')).toBe(
      'on Tuesday 14 April 2026, from 09:30 to 12:00',
    );
    expect(formatSlot('2026-04-14T20:00:00Z', '2026-04-15T08:00:00Z', 'en')).toBe(
      'from Tuesday 14 April 2026 at 22:00 to Wednesday 15 April 2026 at 10:00',
    );
  });

  it('says a duration in its largest whole unit', () => {
    expect(formatDuration(30, 'fr')).toBe('30 minutes');
    expect(formatDuration(24 * 60, 'fr')).toBe('24 heures');
    expect(formatDuration(60, 'en')).toBe('1 hour');
    expect(formatDuration(7 * 1440, 'fr')).toBe('7 jours');
    expect(formatDuration(90, 'en')).toBe('90 minutes');
  });
});
