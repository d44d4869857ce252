import { describe, expect, it } from 'vitest';
import {
  acceptedOnward,
  availableActions,
  type BookingAction,
  bookingActions,
  type BookingKind,
  type BookingParty,
  type BookingStatus,
  bookingStatuses,
  isFinal,
  isOverdue,
  judgeTransition,
} from './booking-lifecycle.ts';

/** Every allowed move, written out by hand from docs/domain.md: anything not listed here is refused. */
const allowed: Array<[BookingKind, BookingStatus, BookingAction, BookingParty, BookingStatus]> = [];
for (const kind of ['item', 'service'] as const) {
  allowed.push(
    [kind, 'requested', 'accept', 'lender', 'accepted'],
    [kind, 'requested', 'decline', 'lender', 'declined'],
    // Dates taken by another accepted request, or a side's structure suspended.
    [kind, 'requested', 'decline', 'system', 'declined'],
    [kind, 'requested', 'cancel', 'borrower', 'cancelled'],
    [kind, 'requested', 'expire', 'system', 'expired'],
    [kind, 'accepted', 'cancel', 'borrower', 'cancelled'],
    [kind, 'accepted', 'cancel', 'lender', 'cancelled'],
  );
}
allowed.push(
  ['item', 'accepted', 'pickup', 'lender', 'picked_up'],
  ['item', 'picked_up', 'return', 'lender', 'returned'],
  ['item', 'returned', 'close', 'lender', 'closed'],
  ['item', 'returned', 'close', 'borrower', 'closed'],
  ['service', 'accepted', 'done', 'lender', 'done'],
  ['service', 'done', 'close', 'lender', 'closed'],
  ['service', 'done', 'close', 'borrower', 'closed'],
);

const parties: BookingParty[] = ['lender', 'borrower', 'system'];

describe('the booking state machine', () => {
  const cases = (['item', 'service'] as const).flatMap((kind) =>
    bookingStatuses.flatMap((status) =>
      bookingActions.flatMap((action) => parties.map((party) => [kind, status, action, party] as const)),
    ),
  );

  it.each(cases)('%s %s → %s by %s', (kind, status, action, party) => {
    const expected = allowed.find(([k, s, a, p]) => k === kind && s === status && a === action && p === party);
    const verdict = judgeTransition({ kind, status }, action, party);
    if (expected) {
      expect(verdict).toEqual({ allowed: true, to: expected[4] });
      return;
    }
    const someoneMay = allowed.some(([k, s, a]) => k === kind && s === status && a === action);
    expect(verdict).toEqual({ allowed: false, reason: someoneMay ? 'not_your_part' : 'out_of_order' });
  });

  it('offers each party its own buttons', () => {
    expect(availableActions({ kind: 'item', status: 'requested' }, 'lender')).toEqual(['accept', 'decline']);
    expect(availableActions({ kind: 'item', status: 'requested' }, 'borrower')).toEqual(['cancel']);
    expect(availableActions({ kind: 'item', status: 'accepted' }, 'lender')).toEqual(['cancel', 'pickup']);
    expect(availableActions({ kind: 'service', status: 'accepted' }, 'lender')).toEqual(['cancel', 'done']);
    expect(availableActions({ kind: 'item', status: 'picked_up' }, 'borrower')).toEqual([]);
  });

  it('knows the final states', () => {
    const finals = bookingStatuses.filter((status) => isFinal({ kind: 'item', status }));
    expect(finals).toEqual(['declined', 'cancelled', 'expired', 'done', 'closed']);
    expect(isFinal({ kind: 'service', status: 'done' })).toBe(false);
    expect(isFinal({ kind: 'service', status: 'picked_up' })).toBe(true);
  });

  it('derives "overdue" from a picked-up loan whose last day has passed in Paris', () => {
    expect(isOverdue({ status: 'picked_up', endDate: '2027-03-28' }, '2027-03-29')).toBe(true);
    expect(isOverdue({ status: 'picked_up', endDate: '2027-03-29' }, '2027-03-29')).toBe(false);
    expect(isOverdue({ status: 'returned', endDate: '2027-03-01' }, '2027-03-29')).toBe(false);
    expect(isOverdue({ status: 'accepted', endDate: '2027-03-01' }, '2027-03-29')).toBe(false);
  });

  it('knows the statuses reached only through an acceptance (a cancellation may come before or after one)', () => {
    expect([...acceptedOnward].sort()).toEqual(['accepted', 'closed', 'done', 'picked_up', 'returned']);
  });
});
