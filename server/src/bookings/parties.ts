import type { Actor } from '../auth/actor.ts';
import { activeMembershipOf } from '../auth/policies.ts';
import { type BookingAction, type BookingParty, judgeTransition, type BookingKind, type BookingStatus } from '../domain/booking-lifecycle.ts';
import { AppError } from '../plugins/errors.ts';

type Sides = { lenderOrganisationId: string; borrowerOrganisationId: string };

/**
 * The sides of a booking the actor stands on: members of the lending structure are the lender,
 * members of the asking one the borrower. Anyone else does not see the booking at all (404).
 */
export function sidesOf(actor: Actor | null, booking: Sides): Array<'lender' | 'borrower'> {
  if (!actor) return [];
  const sides: Array<'lender' | 'borrower'> = [];
  if (activeMembershipOf(actor, booking.lenderOrganisationId)) sides.push('lender');
  if (activeMembershipOf(actor, booking.borrowerOrganisationId)) sides.push('borrower');
  return sides;
}

export function requireSide(actor: Actor, booking: Sides) {
  const sides = sidesOf(actor, booking);
  if (sides.length === 0) throw new AppError('not_found', 'Demande introuvable.');
  return sides;
}

/**
 * The side on which the actor may take `action`: 403 when it is the other side's to take,
 * 409 when the booking is not in a state the action applies to.
 */
export function sideFor(actor: Actor, booking: Sides & { status: BookingStatus; kind: BookingKind }, action: BookingAction): BookingParty {
  const sides = requireSide(actor, booking);
  const verdicts = sides.map((side) => ({ side, verdict: judgeTransition(booking, action, side) }));
  const allowed = verdicts.find(({ verdict }) => verdict.allowed);
  if (allowed) return allowed.side;
  if (verdicts.some(({ verdict }) => !verdict.allowed && verdict.reason === 'out_of_order')) {
    throw new AppError('booking_out_of_order', outOfOrderMessage(booking.status));
  }
  throw new AppError('forbidden', action === 'cancel' ? 'Seul·e l’emprunteur·se peut annuler une demande encore en attente ; le prêteur la refuse.' : 'Cette étape revient à l’autre structure.');
}

const statusWords: Record<BookingStatus, string> = {
  requested: 'en attente de réponse',
  accepted: 'acceptée',
  declined: 'refusée',
  cancelled: 'annulée',
  expired: 'expirée faute de réponse',
  picked_up: 'en cours (matériel retiré)',
  returned: 'rendue',
  done: 'réalisée',
  closed: 'clôturée',
};

export function outOfOrderMessage(status: BookingStatus) {
  return `Cette demande est ${statusWords[status]} : cette étape ne s’applique plus (la page était peut-être ancienne).`;
}
