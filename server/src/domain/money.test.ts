import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBodyValidator } from '../plugins/validation.ts';
import { EurosSchema, PositiveEurosSchema, toCents } from './money.ts';

const euros = compileBodyValidator(EurosSchema);
const positiveEuros = compileBodyValidator(PositiveEurosSchema);

describe('amounts in euros, to the cent', () => {
  it('takes every amount of whole cents up to a million, whatever float division makes of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (cents) => {
        const amount = cents / 100;
        expect(euros(amount), String(amount)).toBe(true);
        expect(positiveEuros(amount), String(amount)).toBe(cents > 0);
        expect(toCents(amount)).toBe(cents);
      }),
      { seed: 20_260_601, numRuns: 2000 },
    );
    for (const amount of [0.07, 0.29, 12.34, 180.55, 999_999.99, 1_000_000]) expect(euros(amount)).toBe(true);
  });

  it('refuses a fraction of a cent, which would be stored as another amount (or as 0)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 999 }), (cents, thousandths) => {
        const amount = cents / 100 + thousandths / 100_000;
        expect(euros(amount), String(amount)).toBe(false);
      }),
      { seed: 20_260_601, numRuns: 2000 },
    );
    for (const amount of [0.001, 0.004, 0.005, 12.345, -0.01, 1_000_000.01])
      expect(euros(amount), String(amount)).toBe(false);
    expect(positiveEuros(0)).toBe(false);
  });
});
