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
