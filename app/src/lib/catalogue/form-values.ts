/**
 * Numbers as people type them in French forms ("12,50", "1 200 €") and back. A value that is not
 * a number becomes a field error of our own (code `amount` or `integer`), in the API's shape, so
 * that one code path shows every error next to its field.
 */
import type { ErrorDetail } from '@mutua/server/contract';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ErrorDetail };

const invalid = (field: string, code: 'amount' | 'integer'): Parsed<never> => ({
  ok: false,
  error: { path: field, code, message: '' },
});

/** "12,50", "12.5", "1 200 €" → a number of euros (2 decimals at most); "" → null. */
export function parseAmount(field: string, text: string): Parsed<number | null> {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (compact === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) return invalid(field, 'amount');
  return { ok: true, value: Number(compact) };
}

/** "3" → 3; "" → null. */
export function parseWholeNumber(field: string, text: string): Parsed<number | null> {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: null };
  if (!/^\d{1,6}$/.test(compact)) return invalid(field, 'integer');
  return { ok: true, value: Number(compact) };
}

/** An amount as a form shows it back: "12,5" → "12,50" in French, "" for none. */
export function amountText(lang: 'fr' | 'en', euros: number | null | undefined): string {
  if (euros === null || euros === undefined) return '';
  const text = Number.isInteger(euros) ? String(euros) : euros.toFixed(2);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** Collects parse results: the values that parsed, and the errors of those that did not. */
export function collect() {
  const errors: ErrorDetail[] = [];
  return {
    errors,
    take<T>(parsed: Parsed<T>): T | undefined {
      if (parsed.ok) return parsed.value;
      errors.push(parsed.error);
      return undefined;
    },
  };
}

/** The fields whose value differs: a PATCH names only what it means to change. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes;
}
