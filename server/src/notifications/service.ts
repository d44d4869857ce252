import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import {
  essentialKinds,
  type NotificationKind,
  type NotificationPreferencesPatch,
  notificationKinds,
} from '../domain/notifications.ts';
import { enqueueInTransaction, queues } from '../jobs/queue.ts';
import { AppError } from '../domain/errors.ts';
import { decodeIdCursor, encodeCursor } from '../pagination/cursor.ts';
import { appPathOf } from './paths.ts';
import { countUnread, markRead, savePreferences, selectInbox, selectPreferences } from './queries.ts';
import { readUnsubscribeToken } from './unsubscribe.ts';

/** The bell: the signed-in person's own notifications, newest first. */
export async function listNotifications(db: Database, actor: Actor, query: { cursor?: string; limit?: number }) {
  const limit = query.limit ?? 30;
  const before = query.cursor ? decodeIdCursor(query.cursor) : undefined;
  const rows = await selectInbox(db, actor.user.id, { before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    notifications: page.map((row) => ({
      id: String(row.id),
      kind: row.kind as NotificationKind,
      params: row.event.params,
      link: appPathOf(row.kind as NotificationKind, row.event),
      about: { title: row.title, organisationName: row.organisationName },
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
    unread: await countUnread(db, actor.user.id),
    nextCursor: rows.length > limit ? encodeCursor([String(page.at(-1)!.id)]) : null,
  };
}

export async function unreadCount(db: Database, actor: Actor) {
  return { unread: await countUnread(db, actor.user.id) };
}

/** Someone else's notification is as unknown as one that does not exist. */
export async function readNotification(db: Database, actor: Actor, id: string) {
  const numeric = Number(id);
  if (!/^\d{1,15}$/.test(id) || (await markRead(db, actor.user.id, numeric)) === 0)
    throw new AppError('not_found', 'Notification introuvable.');
}

export async function readAllNotifications(db: Database, actor: Actor) {
  await markRead(db, actor.user.id);
}

/** Every kind, with the person's choice; essential kinds are always sent at once. */
export async function getPreferences(db: Database, actor: Actor) {
  const chosen = new Map((await selectPreferences(db, actor.user.id)).map((row) => [row.kind, row.email]));
  return {
    preferences: notificationKinds.map((kind) => ({
      kind,
      essential: essentialKinds.has(kind),
      email: essentialKinds.has(kind) ? ('immediate' as const) : (chosen.get(kind) ?? 'immediate'),
    })),
  };
}

export async function updatePreferences(db: Database, actor: Actor, patch: NotificationPreferencesPatch) {
  await db.transaction(async (tx) => sendNow(tx, await savePreferences(tx, actor.user.id, patch.preferences)));
  return getPreferences(db, actor);
}

function sendNow(tx: Database, notificationIds: number[]) {
  return enqueueInTransaction(
    tx,
    notificationIds.map((notificationId) => ({ name: queues.deliverEmail, data: { notificationId } })),
  );
}

/** What a one-click unsubscribe link would turn off (the page shows it before the person confirms). */
export function describeUnsubscribe(secret: string, token: string) {
  const target = readUnsubscribeToken(secret, token);
  const known = target && (target.kind === 'digest' || (notificationKinds as readonly string[]).includes(target.kind));
  if (!target || !known || essentialKinds.has(target.kind as NotificationKind)) {
    throw new AppError(
      'link_invalid',
      'Ce lien de désabonnement n’est pas valable : ouvrez vos préférences de notification depuis votre compte.',
    );
  }
  return { kind: target.kind as NotificationKind | 'digest', userId: target.userId };
}

/** RFC 8058: works without signing in; turning a kind off twice is still a success. */
export async function unsubscribe(db: Database, secret: string, token: string) {
  const target = describeUnsubscribe(secret, token);
  // Leaving the digest turns off the kinds it gathered (the bell still shows them).
  const kinds =
    target.kind === 'digest'
      ? (await selectPreferences(db, target.userId)).filter((row) => row.email === 'digest').map((row) => row.kind)
      : [target.kind];
  await db
    .transaction((tx) =>
      savePreferences(
        tx,
        target.userId,
        kinds.map((kind) => ({ kind, email: 'off' as const })),
      ),
    )
    .catch((error: unknown) => {
      // The person's account is gone: nothing will be sent to it anyway.
      if ((error as { cause?: { code?: string } }).cause?.code !== '23503') throw error;
    });
  return { kind: target.kind };
}
