import { describe, expect, it } from 'vitest';
import { addMonths, clampMonth, firstDayOf, lastDayOf, monthOf, monthWeeks, parseDay, parseMonth } from './month.ts';

// vitest runs in America/Sao_Paulo: a grid built on the machine's zone would shift days here.
describe('months', () => {
  it('reads a month or a day from a URL, nothing else', () => {
    expect(parseMonth('2027-06')).toBe('2027-06');
    expect(parseMonth(' 2027-12 ')).toBe('2027-12');
    for (const bad of ['2027-13', '2027-00', '2027-6', 'juin', '', null, undefined]) expect(parseMonth(bad)).toBeNull();
    expect(parseDay('2027-06-12')).toBe('2027-06-12');
    for (const bad of ['2027-02-30', '2027-6-1', '12/06/2027', null]) expect(parseDay(bad)).toBeNull();
  });

  it('moves by months across years', () => {
    expect(addMonths('2027-12', 1)).toBe('2028-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2027-06', 14)).toBe('2028-08');
    expect(addMonths('2027-06', -18)).toBe('2025-12');
    expect(monthOf('2027-06-12')).toBe('2027-06');
  });

  it('knows the first and last day of a month, leap years included', () => {
    expect(firstDayOf('2027-06')).toBe('2027-06-01');
    expect(lastDayOf('2027-06')).toBe('2027-06-30');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2027-02')).toBe('2027-02-28');
    expect(lastDayOf('2027-10')).toBe('2027-10-31');
  });

  it('lays a month out in weeks from Monday to Sunday', () => {
    // March 2027 starts on a Monday and holds the spring clock change (Sunday 28).
    const march = monthWeeks('2027-03');
    expect(march).toHaveLength(5);
    expect(march[0]).toEqual([
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-04',
      '2027-03-05',
      '2027-03-06',
      '2027-03-07',
    ]);
    expect(march[3]![6]).toBe('2027-03-28');
    expect(march[4]).toEqual(['2027-03-29', '2027-03-30', '2027-03-31', null, null, null, null]);

    // August 2027 starts on a Sunday: six weeks.
    const august = monthWeeks('2027-08');
    expect(august).toHaveLength(6);
    expect(august[0]).toEqual([null, null, null, null, null, null, '2027-08-01']);
    expect(august.flat().filter(Boolean)).toHaveLength(31);
    expect(august.every((week) => week.length === 7)).toBe(true);
  });

  it('keeps a month within bounds', () => {
    expect(clampMonth('2027-01', '2027-03', '2027-09')).toBe('2027-03');
    expect(clampMonth('2028-01', '2027-03', '2027-09')).toBe('2027-09');
    expect(clampMonth('2027-05', '2027-03', '2027-09')).toBe('2027-05');
  });
});
