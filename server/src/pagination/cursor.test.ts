import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('pagination cursors', () => {
  it('round-trips the sort key, accents included', () => {
    expect(decodeCursor(encodeCursor(['Épicerie solidaire', 'id-1']), 2)).toEqual(['Épicerie solidaire', 'id-1']);
  });

  it('refuses a cursor that was not made by the API with a 400', () => {
    for (const cursor of [
      'nope',
      encodeCursor(['only-one']),
      encodeCursor([1, 2]),
      Buffer.from('{').toString('base64url'),
    ]) {
      expect(() => decodeCursor(cursor, 2)).toThrow(
        expect.objectContaining({ code: 'validation_failed', statusCode: 400 }),
      );
    }
  });
});
