import { describe, expect, it } from 'vitest';
import { amountText, changedFields, parseAmount, parseWholeNumber } from './form-values.ts';

describe('parseAmount', () => {
  it.each([
    ['12', 12],
    ['12,5', 12.5],
    ['12.50', 12.5],
    ['1 200,00 €', 1200],
    ['1\u202f200', 1200],
    ['', null],
    ['  ', null],
  ])('reads %j as %j', (text, value) => {
    expect(parseAmount('deposit', text)).toEqual({ ok: true, value });
  });

  it.each(['abc', '12,345', '-3', '1,2,3'])('turns down %j with a field error of its own', (text) => {
    expect(parseAmount('deposit', text)).toEqual({
      ok: false,
      error: { path: 'deposit', code: 'amount', message: '' },
    });
  });
});

describe('parseWholeNumber', () => {
  it('reads digits, nothing else', () => {
    expect(parseWholeNumber('quantity', ' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseWholeNumber('quantity', '')).toEqual({ ok: true, value: null });
    expect(parseWholeNumber('quantity', '2,5')).toMatchObject({
      ok: false,
      error: { path: 'quantity', code: 'integer' },
    });
  });
});

describe('amountText', () => {
  it('shows an amount back as it would be typed', () => {
    expect(amountText('fr', 12.5)).toBe('12,50');
    expect(amountText('en', 12.5)).toBe('12.50');
    expect(amountText('fr', 40)).toBe('40');
    expect(amountText('fr', null)).toBe('');
  });
});

describe('changedFields', () => {
  it('keeps what differs, including a value that became null, and skips what was not given', () => {
    expect(changedFields({ a: 1, b: 'x', c: 5, d: 2 }, { a: 1, b: 'y', c: null, d: undefined })).toEqual({
      b: 'y',
      c: null,
    });
  });
});
