import { describe, expect, it } from 'vitest';
import { compileBodyValidator } from '../plugins/validation.ts';
import { encodeCursor } from '../pagination/cursor.ts';
import { CursorQuerySchema } from './cursor-shapes.ts';

const id = '8c4b8f3e-2d1a-4c5b-9e7f-0a1b2c3d4e5f';
const createdKey = '2027-03-28T10:00:00.123456Z';

describe('cursor shapes, checked by the query schemas', () => {
  it('take the cursors the lists write', () => {
    const search = compileBodyValidator(CursorQuerySchema('search-cursor'));
    for (const key of [
      ['newest', createdKey, id],
      ['relevance', '0.0607927', id],
      ['relevance', '6.07927e-05', id],
      ['distance', '0', id],
      ['distance', '12.345678901234567', id],
    ])
      expect(search(encodeCursor(key)), JSON.stringify(key)).toBe(true);
    expect(
      compileBodyValidator(CursorQuerySchema('directory-cursor'))(encodeCursor(['Épicerie « Solidaire »', id])),
    ).toBe(true);
    expect(compileBodyValidator(CursorQuerySchema('booking-cursor'))(encodeCursor([createdKey, id]))).toBe(true);
    expect(compileBodyValidator(CursorQuerySchema('id-cursor'))(encodeCursor(['1234']))).toBe(true);
  });

  it('refuse another shape, another type or an impossible value in any place', () => {
    const search = compileBodyValidator(CursorQuerySchema('search-cursor'));
    for (const key of [
      ['newest', '1', id],
      ['newest', '0000-01-01T00:00:00.000000Z', id],
      ['newest', '2027-02-29T10:00:00.000000Z', id],
      ['newest', createdKey, 'not-a-uuid'],
      ['newest', createdKey, id, 'more'],
      ['relevance', 'NaN', id],
      ['relevance', '-1', id],
      ['distance', 12, id],
      ['oldest', createdKey, id],
    ])
      expect(search(encodeCursor(key)), JSON.stringify(key)).toBe(false);
    for (const cursor of [
      '',
      'nope',
      Buffer.from('{').toString('base64url'),
      Buffer.from('{"sort":"newest"}').toString('base64url'),
    ])
      expect(search(cursor), cursor).toBe(false);
    expect(compileBodyValidator(CursorQuerySchema('directory-cursor'))(encodeCursor(['Épicerie', 'x']))).toBe(false);
    expect(compileBodyValidator(CursorQuerySchema('id-cursor'))(encodeCursor(['1e3']))).toBe(false);
  });
});
