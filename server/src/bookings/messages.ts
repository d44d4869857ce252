import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { recordEvent } from '../events/record.ts';
import { AppError } from '../domain/errors.ts';
import type { BookingTarget } from '../access/decide.ts';
import { requireAccess } from '../access/require-access.ts';
import { insertMessage, selectMessages } from './queries.ts';

/** The conversation of a request, oldest first, for its two structures only. */
export async function listMessages(db: Database, actor: Actor, bookingId: string) {
  await requireAccess(db, actor, 'booking.message', { booking: bookingId });
  const ownOrganisations = actor.memberships.filter((m) => m.status === 'active').map((m) => m.organisation.id);
  const rows = await selectMessages(db, bookingId);
  return rows.map((row) => ({
    id: row.id,
    // A message hidden by the moderation keeps its place, without its words: the app shows
    // « Message masqué par la modération ».
    body: row.hidden ? '' : row.body,
    hidden: row.hidden,
    author: row.authorId ? { id: row.authorId, name: row.authorName! } : null,
    organisation: { id: row.organisationId, name: row.organisationName },
    mine: ownOrganisations.includes(row.organisationId),
    createdAt: row.createdAt.toISOString(),
  }));
}

/** A message is written for the side the author stands on (the borrower's when on both). */
export async function postMessage(db: Database, actor: Actor, bookingId: string, body: string) {
  const { sides, target } = await requireAccess(db, actor, 'booking.message', { booking: bookingId });
  const booking = target as BookingTarget;
  const text = body.trim();
  if (!text)
    throw new AppError('validation_failed', 'Le message est vide.', [
      { path: 'body', code: 'minLength', message: 'Écrivez un message.' },
    ]);
  const authorOrganisationId = sides.includes('borrower')
    ? booking.borrowerOrganisationId
    : booking.lenderOrganisationId;
  const { id } = await db.transaction(async (tx) => {
    const message = await insertMessage(tx, { bookingId, authorId: actor.user.id, authorOrganisationId, body: text });
    await recordEvent(tx, {
      type: 'booking.message',
      actorId: actor.user.id,
      bookingId,
      params: { messageId: message.id, authorOrganisationId },
    });
    return message;
  });
  const messages = await listMessages(db, actor, bookingId);
  return messages.find((message) => message.id === id)!;
}
