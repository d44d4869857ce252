import { describe, expect, it } from 'vitest';
import type { BookingStatus } from '../domain/booking-lifecycle.ts';
import { groupState } from './read.ts';

const parts = (...statuses: BookingStatus[]) => statuses.map((status) => ({ status }));

describe('the overall state of a basket', () => {
  it('waits while a lender has not answered', () => expect(groupState(parts('accepted', 'requested'))).toBe('waiting'));
  it('is accepted when every part is', () => expect(groupState(parts('accepted', 'picked_up'))).toBe('accepted'));
  it('is partly accepted when some part was refused', () =>
    expect(groupState(parts('accepted', 'declined'))).toBe('partly_accepted'));
  it('is refused when no part goes ahead', () => expect(groupState(parts('declined', 'expired'))).toBe('refused'));
  it('is cancelled when the borrower cancelled it all', () =>
    expect(groupState(parts('cancelled', 'cancelled'))).toBe('cancelled'));
  it('is finished once every loan came back', () => expect(groupState(parts('returned', 'closed'))).toBe('finished'));
});
