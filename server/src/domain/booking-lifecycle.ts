/**
 * The life of a booking (demande de prêt / réservation), as one table: which party may move it
 * from which state to which. Items go through pickup and return; a service through `done`.
 * The services that apply a transition check it here, then write it as a compare-and-set on the
 * current status, so that two clicks never apply twice. "Overdue" is derived, never stored.
 */
export const bookingStatuses = [
  'requested',
  'accepted',
  'declined',
  'cancelled',
  'expired',
  'picked_up',
  'returned',
  'done',
  'closed',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const bookingActions = ['accept', 'decline', 'cancel', 'expire', 'pickup', 'return', 'done', 'close'] as const;
export type BookingAction = (typeof bookingActions)[number];

/** lender: a member of the structure that lends; borrower: a member of the one that asked; system: the expiry job. */
export type BookingParty = 'lender' | 'borrower' | 'system';
export type BookingKind = 'item' | 'service';

type Transition = { from: BookingStatus; to: BookingStatus; by: BookingParty[]; kinds: BookingKind[] };

const both: BookingKind[] = ['item', 'service'];

const transitions: Record<BookingAction, Transition[]> = {
  accept: [{ from: 'requested', to: 'accepted', by: ['lender'], kinds: both }],
  // The platform declines too: dates taken by another accepted request, a suspended structure.
  decline: [{ from: 'requested', to: 'declined', by: ['lender', 'system'], kinds: both }],
  cancel: [
    { from: 'requested', to: 'cancelled', by: ['borrower'], kinds: both },
    { from: 'accepted', to: 'cancelled', by: ['borrower', 'lender'], kinds: both },
  ],
  expire: [{ from: 'requested', to: 'expired', by: ['system'], kinds: both }],
  pickup: [{ from: 'accepted', to: 'picked_up', by: ['lender'], kinds: ['item'] }],
  return: [{ from: 'picked_up', to: 'returned', by: ['lender'], kinds: ['item'] }],
  done: [{ from: 'accepted', to: 'done', by: ['lender'], kinds: ['service'] }],
  close: [
    { from: 'returned', to: 'closed', by: ['borrower', 'lender'], kinds: ['item'] },
    { from: 'done', to: 'closed', by: ['borrower', 'lender'], kinds: ['service'] },
  ],
};

export type TransitionVerdict =
  { allowed: true; to: BookingStatus } | { allowed: false; reason: 'not_your_part' | 'out_of_order' };

/**
 * Whether `party` may apply `action` to a booking in `status`. `out_of_order` (a 409) when the
 * action does not apply to this state or kind; `not_your_part` (a 403) when it does, but is the
 * other party's to take.
 */
export function judgeTransition(
  booking: { status: BookingStatus; kind: BookingKind },
  action: BookingAction,
  party: BookingParty,
): TransitionVerdict {
  const candidates = transitions[action].filter((t) => t.from === booking.status && t.kinds.includes(booking.kind));
  if (candidates.length === 0) return { allowed: false, reason: 'out_of_order' };
  const permitted = candidates.find((t) => t.by.includes(party));
  return permitted ? { allowed: true, to: permitted.to } : { allowed: false, reason: 'not_your_part' };
}

/** The actions a party may take now: the buttons to show. */
export function availableActions(
  booking: { status: BookingStatus; kind: BookingKind },
  party: BookingParty,
): BookingAction[] {
  return bookingActions.filter((action) => judgeTransition(booking, action, party).allowed);
}

/** A booking is final when no action of anyone can move it any more. */
export function isFinal(booking: { status: BookingStatus; kind: BookingKind }): boolean {
  return (['lender', 'borrower', 'system'] as const).every((party) => availableActions(booking, party).length === 0);
}

/** Every status a booking can reach from `start`, leaving out the steps `skipping` says to. */
function reachableFrom(
  start: BookingStatus,
  skipping: (transition: Transition) => boolean = () => false,
): Set<BookingStatus> {
  const reached = new Set<BookingStatus>([start]);
  for (const status of reached) {
    for (const transition of Object.values(transitions).flat())
      if (transition.from === status && !skipping(transition)) reached.add(transition.to);
  }
  return reached;
}

const withoutAcceptance = reachableFrom('requested', (transition) => transition.to === 'accepted');

/**
 * The statuses a booking reaches only by being accepted first: accepted, and everything after
 * that no request reaches without it (a cancelled booking may or may not have been accepted).
 */
export const acceptedOnward: ReadonlySet<BookingStatus> = new Set(
  [...reachableFrom('accepted')].filter((status) => !withoutAcceptance.has(status)),
);

/**
 * Overdue: picked up, and its last day (a Paris calendar day, `YYYY-MM-DD`) is before today
 * (also a Paris day). Days compare as ISO strings.
 */
export function isOverdue(booking: { status: BookingStatus; endDate: string }, todayInParis: string): boolean {
  return booking.status === 'picked_up' && booking.endDate < todayInParis;
}
