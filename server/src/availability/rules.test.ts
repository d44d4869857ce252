import { describe, expect, it } from 'vitest';
import { describeDays, freeUnitNumbers, heldRange, type LoanRules, loanRuleBreach } from './rules.ts';

const rules: LoanRules = { quantity: 2, minLoanDays: 2, maxLoanDays: 5, minNoticeDays: 2, handoverWeekdays: [1, 2, 3, 4, 5], bufferDays: 1, horizonDays: 60 };
// Monday 1 March 2027.
const today = '2027-03-01';

describe('an item’s calendar', () => {
  it('says per day how many units are free and why a day cannot be booked', () => {
    const holds = [{ unitNumber: 1, ...heldRange('2027-03-10', '2027-03-11', 1) }];
    const days = describeDays(rules, today, { from: '2027-02-28', to: '2027-03-13' }, holds, [{ startDate: '2027-03-05', endDate: '2027-03-05', reason: 'repair' }], 2);
    const byDate = Object.fromEntries(days.map((day) => [day.date, day]));
    expect(byDate['2027-02-28']).toMatchObject({ reason: 'past', bookable: false });
    expect(byDate['2027-03-02']).toMatchObject({ reason: 'notice' });
    expect(byDate['2027-03-03']).toMatchObject({ reason: null, bookable: true, unitsFree: 2, handover: true });
    expect(byDate['2027-03-05']).toMatchObject({ reason: 'blocked', blockedReason: 'repair' });
    expect(byDate['2027-03-06']).toMatchObject({ handover: false, bookable: true });
    // Held on the 10th and 11th, and the 12th as its buffer day; free again on the 13th.
    expect(['2027-03-10', '2027-03-11', '2027-03-12'].map((d) => byDate[d]!.unitsFree)).toEqual([1, 1, 1]);
    expect(byDate['2027-03-12']).toMatchObject({ reason: 'fully_booked' });
    expect(byDate['2027-03-13']!.unitsFree).toBe(2);
  });

  it('marks the days beyond the booking horizon', () => {
    const [day] = describeDays(rules, today, { from: '2027-05-01', to: '2027-05-01' }, [], []);
    expect(day!.reason).toBe('beyond_horizon');
  });
});

describe('free units', () => {
  it('gives the lowest units that no hold overlaps, buffer included', () => {
    const holds = [{ unitNumber: 1, ...heldRange('2027-03-10', '2027-03-11', 1) }];
    expect(freeUnitNumbers(2, holds, heldRange('2027-03-12', '2027-03-12', 1))).toEqual([2]);
    expect(freeUnitNumbers(2, holds, heldRange('2027-03-13', '2027-03-14', 1))).toEqual([1, 2]);
    // A loan ending on the 9th needs the 10th as its buffer: unit 1 is taken then.
    expect(freeUnitNumbers(2, holds, heldRange('2027-03-08', '2027-03-09', 1))).toEqual([2]);
  });
});

describe('the rules a request must respect', () => {
  const breach = (startDate: string, endDate: string, quantity = 1, blocked = []) => loanRuleBreach(rules, today, { startDate, endDate, quantity }, blocked);

  it('accepts a request that respects them all', () => {
    expect(breach('2027-03-03', '2027-03-05')).toBeNull();
  });

  it('names the rule broken, in French', () => {
    expect(breach('2027-03-05', '2027-03-03')).toMatchObject({ field: 'endDate', rule: 'order' });
    expect(breach('2027-02-26', '2027-03-02')).toMatchObject({ rule: 'past' });
    expect(breach('2027-03-02', '2027-03-04')).toMatchObject({ rule: 'notice', message: expect.stringContaining('2 jours de préavis') });
    expect(breach('2027-03-03', '2027-03-03')).toMatchObject({ rule: 'min_length', message: 'Ce matériel se prête au moins 2 jours.' });
    expect(breach('2027-03-03', '2027-03-10')).toMatchObject({ rule: 'max_length' });
    expect(breach('2027-04-29', '2027-05-03')).toMatchObject({ rule: 'horizon' });
    expect(breach('2027-03-03', '2027-03-04', 3)).toMatchObject({ field: 'quantity', message: 'Ce matériel n’a que 2 unités : vous en demandez 3.' });
    expect(breach('2027-03-05', '2027-03-06')).toMatchObject({ field: 'endDate', rule: 'handover_day', message: expect.stringContaining('samedi') });
    expect(loanRuleBreach(rules, today, { startDate: '2027-03-03', endDate: '2027-03-04', quantity: 1 }, [{ startDate: '2027-03-04', endDate: '2027-03-08', reason: 'internal_use' }])).toMatchObject({
      rule: 'blocked',
      message: expect.stringContaining('usage interne'),
    });
  });
});
