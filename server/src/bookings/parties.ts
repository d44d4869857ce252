import { decide } from '../access/decide.ts';
import type { Permission } from '../access/permissions.ts';
import type { Actor } from '../auth/actor.ts';
import {
  type BookingAction,
  type BookingParty,
  judgeTransition,
  type BookingKind,
  type BookingStatus,
} from '../domain/booking-lifecycle.ts';
import { AppError } from '../domain/errors.ts';

type Sides = { id: string; lenderOrganisationId: string; borrowerOrganisationId: string };

/** The permission each step of a booking asks of the side that takes it. */
export const permissionForStep: Record<Exclude<BookingAction, 'expire'>, Permission> = {
  accept: 'booking.answer',
  decline: 'booking.answer',
  cancel: 'booking.cancel',
  pickup: 'booking.handover',
  return: 'booking.handover',
  done: 'booking.handover',
  close: 'booking.handover',
};

/** The sides of a booking the actor stands on (for what a page shows; use cases ask `requireAccess`). */
export function sidesOf(actor: Actor | null, booking: Sides): Array<'lender' | 'borrower'> {
  const decision = decide(actor, 'booking.view', { type: 'booking', ...booking });
  return decision.allowed ? decision.sides : [];
}

/**
 * Among the sides the actor was granted, the one on which the lifecycle lets them take `action`:
 * 403 when it is the other side's to take, 409 when the booking is not in a state it applies to.
 */
export function sideFor(
  sides: Array<'lender' | 'borrower'>,
  booking: { status: BookingStatus; kind: BookingKind },
  action: BookingAction,
): BookingParty {
  const verdicts = sides.map((side) => ({ side, verdict: judgeTransition(booking, action, side) }));
  const allowed = verdicts.find(({ verdict }) => verdict.allowed);
  if (allowed) return allowed.side;
  if (verdicts.some(({ verdict }) => !verdict.allowed && verdict.reason === 'out_of_order')) {
    throw new AppError('booking_out_of_order', outOfOrderMessage(booking, action));
  }
  throw new AppError(
    'forbidden',
    action === 'cancel'
      ? 'Seul·e l’emprunteur·se peut annuler une demande encore en attente ; le prêteur la refuse.'
      : 'Cette étape revient à l’autre structure.',
  );
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

/** How far along a loan is, and how far it must be for a step: a step asked too early says what comes first. */
const progress: Partial<Record<BookingStatus, number>> = { requested: 0, accepted: 1, picked_up: 2, returned: 3 };
const stepNeeds: Record<BookingAction, number> = {
  accept: 0,
  decline: 0,
  cancel: 0,
  expire: 0,
  pickup: 1,
  done: 1,
  return: 2,
  close: 3,
};
const firstComes = [
  '',
  'elle doit d’abord être acceptée',
  'le retrait du matériel doit d’abord être noté',
  'le retour du matériel doit d’abord être noté',
];

export function outOfOrderMessage(
  { status, kind }: { status: BookingStatus; kind: BookingKind },
  action: BookingAction,
) {
  if (kind === 'service' && (action === 'pickup' || action === 'return'))
    return 'Un service ne se retire ni ne se rend : une fois rendu, notez-le comme réalisé.';
  if (kind === 'item' && action === 'done')
    return 'Un prêt de matériel se termine par son retour, pas par « réalisé ».';
  const reached = progress[status];
  if (reached !== undefined && reached < stepNeeds[action])
    return `Cette demande est ${statusWords[status]} : ${firstComes[stepNeeds[action]]}.`;
  return `Cette demande est ${statusWords[status]} : cette étape ne s’applique plus (la page était peut-être ancienne).`;
}
