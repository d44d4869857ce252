import { describe, expect, it } from 'vitest';
import {
  describeDays,
  freeUnitNumbers,
  heldRange,
  type LoanRules,
  loanRuleBreach,
  packUnits,
  unitsFreeThroughout,
} from './rules.ts';

const rules: LoanRules = {
  quantity: 2,
  minLoanDays: 2,
  maxLoanDays: 5,
  minNoticeDays: 2,
  handoverWeekdays: [1, 2, 3, 4, 5],
  bufferDays: 1,
  horizonDays: 60,
};
// Monday 1 March 2027.
const today = '2027-03-01';

describe('an item’s calendar', () => {
  it('says per day how many units are free and why a day cannot be booked', () => {
    const holds = [{ unitNumber: 1, ...heldRange('2027-03-10', '2027-03-11', 1) }];
    const days = describeDays(
      rules,
      today,
      { from: '2027-02-28', to: '2027-03-13' },
      holds,
      [{ startDate: '2027-03-05', endDate: '2027-03-05', reason: 'repair' }],
      2,
    );
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

describe('a day on which a loan would reach into another loan with its buffer', () => {
  it('is fully booked: a loan that includes it also rests the item for the buffer days after it', () => {
    const one = { ...rules, quantity: 1, bufferDays: 2, maxLoanDays: null, minLoanDays: 1 };
    const holds = [{ unitNumber: 1, ...heldRange('2027-03-10', '2027-03-12', 2) }];
    const days = describeDays(one, today, { from: '2027-03-05', to: '2027-03-16' }, holds, []);
    const reasons = Object.fromEntries(days.map((day) => [day.date, day.reason]));
    // A loan including the 8th or the 9th would rest the item on the 10th, when it is lent.
    expect([reasons['2027-03-07'], reasons['2027-03-08'], reasons['2027-03-09']]).toEqual([
      null,
      'fully_booked',
      'fully_booked',
    ]);
    // Lent from the 10th to the 12th, resting on the 13th and 14th; free from the 15th.
    expect(days.filter((day) => day.reason === 'fully_booked').map((day) => day.date)).toEqual([
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
      '2027-03-13',
      '2027-03-14',
    ]);
    // The units free that day are still shown as they are.
    expect(days.find((day) => day.date === '2027-03-09')!.unitsFree).toBe(1);
  });
});

describe('units free all along a loan', () => {
  const hold = (unitNumber: number, heldFrom: string, heldUntil: string) => ({ unitNumber, heldFrom, heldUntil });

  it('are the units free on the busiest day, whichever unit holds which day', () => {
    // Unit 1 on the 1st–2nd and the 4th–5th, unit 2 on the 2nd–3rd: every day of the 3rd–5th has a unit free.
    const holds = [
      hold(1, '2027-06-01', '2027-06-03'),
      hold(2, '2027-06-02', '2027-06-04'),
      hold(1, '2027-06-04', '2027-06-06'),
    ];
    expect(unitsFreeThroughout(2, holds, { heldFrom: '2027-06-03', heldUntil: '2027-06-06' })).toBe(1);
    expect(freeUnitNumbers(2, holds, { heldFrom: '2027-06-03', heldUntil: '2027-06-06' })).toEqual([]);
    expect(unitsFreeThroughout(2, holds, { heldFrom: '2027-06-02', heldUntil: '2027-06-03' })).toBe(0);
    expect(unitsFreeThroughout(2, holds, { heldFrom: '2027-06-06', heldUntil: '2027-06-09' })).toBe(2);
  });

  it('count a hold ending on a day as gone when another starts that day', () => {
    const holds = [hold(1, '2027-06-01', '2027-06-03'), hold(2, '2027-06-03', '2027-06-05')];
    expect(unitsFreeThroughout(2, holds, { heldFrom: '2027-06-01', heldUntil: '2027-06-05' })).toBe(1);
  });
});

describe('packing units', () => {
  it('uses as many units as the busiest day, keeping each hold’s unit when it can', () => {
    const holds = [
      { name: 'A', unitNumber: 1, heldFrom: '2027-06-01', heldUntil: '2027-06-03' },
      { name: 'B', unitNumber: 2, heldFrom: '2027-06-02', heldUntil: '2027-06-04' },
      { name: 'C', unitNumber: 1, heldFrom: '2027-06-04', heldUntil: '2027-06-06' },
      { name: 'new', unitNumber: 0, heldFrom: '2027-06-03', heldUntil: '2027-06-06' },
    ];
    const packed = Object.fromEntries(packUnits(holds).map((held) => [held.name, held.unitNumber]));
    // The newcomer takes unit 1 from the 3rd, so C moves to unit 2, free again from the 4th.
    expect(packed).toEqual({ A: 1, B: 2, new: 1, C: 2 });
  });

  it('never gives one unit to two holds on the same day', () => {
    const days = [
      '2027-06-01',
      '2027-06-02',
      '2027-06-03',
      '2027-06-04',
      '2027-06-05',
      '2027-06-06',
      '2027-06-07',
      '2027-06-08',
    ];
    for (let seed = 1; seed <= 200; seed += 1) {
      let state = seed;
      const next = (below: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % below);
      const holds = Array.from({ length: 6 }, () => {
        const from = next(days.length - 1);
        return {
          unitNumber: next(3),
          heldFrom: days[from]!,
          heldUntil: days[from + 1 + next(days.length - 1 - from)]!,
        };
      });
      const packed = packUnits(holds);
      const busiest = Math.max(
        ...days.map((day) => holds.filter((held) => held.heldFrom <= day && day < held.heldUntil).length),
      );
      expect(Math.max(...packed.map((held) => held.unitNumber))).toBe(busiest);
      for (const a of packed) {
        for (const b of packed) {
          if (a !== b && a.unitNumber === b.unitNumber)
            expect(a.heldUntil <= b.heldFrom || b.heldUntil <= a.heldFrom).toBe(true);
        }
      }
    }
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
  const breach = (startDate: string, endDate: string, quantity = 1, blocked = []) =>
    loanRuleBreach(rules, today, { startDate, endDate, quantity }, blocked);

  it('accepts a request that respects them all', () => {
    expect(breach('2027-03-03', '2027-03-05')).toBeNull();
  });

  it('names the rule broken, in French', () => {
    expect(breach('2027-03-05', '2027-03-03')).toMatchObject({ path: 'endDate', code: 'order' });
    expect(breach('2027-02-26', '2027-03-02')).toMatchObject({ code: 'past' });
    expect(breach('2027-03-02', '2027-03-04')).toMatchObject({
      code: 'notice',
      message: expect.stringContaining('2 jours de préavis'),
    });
    expect(breach('2027-03-03', '2027-03-03')).toMatchObject({
      code: 'min_length',
      message: 'Ce matériel se prête au moins 2 jours.',
    });
    expect(breach('2027-03-03', '2027-03-10')).toMatchObject({ code: 'max_length' });
    expect(breach('2027-04-29', '2027-05-03')).toMatchObject({ code: 'horizon' });
    expect(breach('2027-03-03', '2027-03-04', 3)).toMatchObject({
      path: 'quantity',
      message: 'Ce matériel n’a que 2 unités : vous en demandez 3.',
    });
    expect(breach('2027-03-05', '2027-03-06')).toMatchObject({
      path: 'endDate',
      code: 'handover_day',
      message: expect.stringContaining('samedi'),
    });
    expect(
      loanRuleBreach(rules, today, { startDate: '2027-03-03', endDate: '2027-03-04', quantity: 1 }, [
        { startDate: '2027-03-04', endDate: '2027-03-08', reason: 'internal_use' },
      ]),
    ).toMatchObject({
      code: 'blocked',
      message: expect.stringContaining('usage interne'),
    });
  });
});
