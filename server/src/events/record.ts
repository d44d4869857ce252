import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { events } from '../db/schema/events.ts';
import { notificationPreferences, notifications } from '../db/schema/notifications.ts';
import { type EmailMode, essentialKinds, type NotificationKind, notificationKinds } from '../domain/notifications.ts';
import { enqueueInTransaction, queues } from '../jobs/queue.ts';
import { type Recipient, recipientsOf } from './recipients.ts';

/** Events nobody is told of, kept as history (a booking's pickup, return, close). */
type HistoryOnly =
  | 'booking.picked_up'
  | 'booking.returned'
  | 'booking.done'
  | 'booking.closed'
  | 'account.email_changed'
  | 'membership.joined';
export type EventType = NotificationKind | HistoryOnly;

export type NewEvent = {
  type: EventType;
  actorId?: string | null;
  organisationId?: string | null;
  bookingId?: string | null;
  userId?: string | null;
  /** Codes, ids and what a person typed (as typed): never a sentence of ours. */
  params?: Record<string, unknown>;
  /** Set for events the clock causes: a second tick records nothing. */
  occurrenceKey?: string;
};

/**
 * Records what happened and, in the same transaction, who must hear about it: one notification
 * per recipient and channel, and the jobs that send the emails. Call it with the transaction of
 * the change itself: a rollback then sends nothing, a commit loses nothing. Answers the event's
 * id, or null when this occurrence was already recorded.
 */
export async function recordEvent(tx: Database, event: NewEvent): Promise<number | null> {
  const [row] = await tx
    .insert(events)
    .values({ ...event, params: event.params ?? {} })
    .onConflictDoNothing({ target: events.occurrenceKey })
    .returning();
  if (!row) return null;
  if (!(notificationKinds as readonly string[]).includes(row.type)) return row.id;
  const kind = row.type as NotificationKind;
  const recipients = await recipientsOf(tx, row);
  if (recipients.length === 0) return row.id;
  const modes = await emailModesOf(tx, kind, recipients);
  const rows: Array<typeof notifications.$inferInsert> = [];
  for (const recipient of recipients) {
    const who = recipient.userId ?? recipient.address;
    if (recipient.inApp && recipient.userId) {
      rows.push({
        eventId: row.id,
        recipientId: recipient.userId,
        channel: 'in_app',
        kind,
        locale: recipient.locale,
        dedupKey: `${row.id}:${who}:${kind}:in_app`,
      });
    }
    const mode = modes.get(recipient.userId ?? '') ?? 'immediate';
    if (mode === 'off') continue;
    rows.push({
      eventId: row.id,
      recipientId: recipient.userId,
      toAddress: recipient.address,
      channel: 'email',
      kind,
      locale: recipient.locale,
      dedupKey: `${row.id}:${who}:${kind}:email`,
      ...emailStart(mode, recipient),
    });
  }
  const written = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.dedupKey })
    .returning({ id: notifications.id, status: notifications.status });
  await enqueueInTransaction(
    tx,
    written
      .filter((notification) => notification.status === 'queued')
      .map((notification) => ({ name: queues.deliverEmail, data: { notificationId: notification.id } })),
  );
  return row.id;
}

function emailStart(mode: EmailMode, recipient: Recipient): Partial<typeof notifications.$inferInsert> {
  // The mail server refused this address for good: say so at once rather than knock again.
  if (recipient.undeliverable) return { status: 'failed', lastError: 'address_undeliverable' };
  if (mode === 'digest') return { status: 'held' };
  return { status: 'queued', nextAttemptAt: new Date() };
}

/** The email mode each recipient chose for this kind; essential kinds are always sent at once. */
async function emailModesOf(
  db: Database,
  kind: NotificationKind,
  recipients: Recipient[],
): Promise<Map<string, EmailMode>> {
  const userIds = recipients.map((recipient) => recipient.userId).filter((id): id is string => id !== null);
  if (essentialKinds.has(kind) || userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: notificationPreferences.userId, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, userIds)));
  return new Map(rows.map((row) => [row.userId, row.email]));
}
