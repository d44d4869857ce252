import Type from 'typebox';

/** Amounts travel in euros (numbers) and are stored in cents (integers). */
export function toCents(euros: number): number {
  return Math.round(euros * 100);
}

export function toEuros(cents: number): number {
  return cents / 100;
}

export function toCentsOrNull(euros: number | null | undefined): number | null {
  return euros === null || euros === undefined ? null : toCents(euros);
}

export function toEurosOrNull(cents: number | null): number | null {
  return cents === null ? null : toEuros(cents);
}

/**
 * An amount in euros, to the cent: it is stored as whole cents, so 0.004 € would become 0 (and a
 * positive amount of 0 breaks the database's rule) and 12.345 € a price nobody typed. The
 * validator allows the float error of a division (12.34 / 0.01 is not quite 1234).
 */
const toTheCent = { multipleOf: 0.01, maximum: 1_000_000 };

export const EurosSchema = Type.Number({
  ...toTheCent,
  minimum: 0,
  description: 'Montant en euros (2 décimales au plus)',
});

export const PositiveEurosSchema = Type.Number({
  ...toTheCent,
  minimum: 0.01,
  description: 'Montant en euros, un centime au moins (2 décimales au plus)',
});
