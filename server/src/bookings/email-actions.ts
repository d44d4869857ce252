import { loadActorByLink } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { inspectToken, issueToken, redeemToken, signToken, type TokenRow } from '../email-links/tokens.ts';
import { AppError } from '../domain/errors.ts';
import { getBooking } from './read.ts';
import { transitionBooking } from './transitions.ts';

export type EmailAction = 'accept' | 'decline';

/** How long the buttons of a new-request email work at most (the request usually expires sooner). */
const actionLinkDays = 14;

/**
 * The « Accepter » and « Refuser » links of a new-request email, for one person: each works
 * once, for that person, that booking and that action, until the request's expiry.
 */
export async function issueActionLinks(
  db: Database,
  secret: string,
  booking: { id: string; expiresAt: Date | null },
  userId: string,
) {
  const untilExpiry = booking.expiresAt ? Math.ceil((booking.expiresAt.getTime() - Date.now()) / 1000) : Infinity;
  const validForSeconds = Math.max(60, Math.min(untilExpiry, actionLinkDays * 24 * 3600));
  const links = {} as Record<EmailAction, string>;
  for (const action of ['accept', 'decline'] as const) {
    const token = await issueToken(db, {
      purpose: 'booking_action',
      userId,
      bookingId: booking.id,
      action,
      validForSeconds,
    });
    links[action] = signToken(secret, token);
  }
  return links;
}

async function actorOf(db: Database, link: TokenRow) {
  const actor = await loadActorByLink(db, link.userId!);
  if (!actor) throw new AppError('link_invalid', 'Ce lien n’est plus valable.');
  return actor;
}

/** The confirmation page: what the link would do, to which request (GET never acts: mail scanners open links). */
export async function describeEmailAction(db: Database, secret: string, token: string) {
  const link = await inspectToken(db, secret, token, 'booking_action');
  const actor = await actorOf(db, link);
  return { action: link.action as EmailAction, booking: await getBooking(db, actor, link.bookingId!) };
}

/**
 * Confirms from the email: the link is used up and the step applied through the same state
 * machine, in one transaction. Someone faster (or a second click) gets the same 409 as in the app.
 */
export async function confirmEmailAction(
  db: Database,
  secret: string,
  token: string,
  body: { message?: string; reason?: string },
) {
  const { link, actor } = await db.transaction(async (tx) => {
    const link = await redeemToken(tx, secret, token, 'booking_action');
    const actor = await actorOf(tx, link);
    if (link.action === 'accept')
      await transitionBooking(tx, actor, link.bookingId!, 'accept', { message: body.message });
    else await transitionBooking(tx, actor, link.bookingId!, 'decline', { reason: body.reason });
    return { link, actor };
  });
  return getBooking(db, actor, link.bookingId!);
}
