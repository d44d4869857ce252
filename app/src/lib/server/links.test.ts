import { describe, expect, it } from 'vitest';
import { linkProblemOf } from './links.ts';

describe('linkProblemOf', () => {
  it('tells an invalid, a used and an expired link apart', () => {
    expect(linkProblemOf(400, { error: 'link_invalid', message: '' })).toBe('invalid');
    expect(linkProblemOf(409, { error: 'link_used', message: '' })).toBe('used');
    expect(linkProblemOf(410, { error: 'link_expired', message: '' })).toBe('expired');
    expect(linkProblemOf(400, { error: 'validation_failed', message: '' })).toBe('invalid');
    expect(linkProblemOf(404, { error: 'not_found', message: '' })).toBe('invalid');
  });

  it('leaves other errors to the page', () => {
    expect(linkProblemOf(409, { error: 'booking_out_of_order', message: '' })).toBeNull();
    expect(linkProblemOf(429, { error: 'rate_limited', message: '' })).toBeNull();
    expect(linkProblemOf(500, { error: 'internal_error', message: '' })).toBeNull();
  });
});
