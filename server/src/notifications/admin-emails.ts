import { renderEmail, sampleContext, sampleInputs } from '@mutua/emails';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { memberships } from '../db/schema/memberships.ts';
import { notifications } from '../db/schema/notifications.ts';
import { organisationNetworks } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import { type EmailStatus, notificationKinds } from '../domain/notifications.ts';
import { enqueueInTransaction, queues } from '../jobs/queue.ts';
import { decodeIdCursor, encodeCursor } from '../pagination/cursor.ts';
import { AppError } from '../domain/errors.ts';

/**
 * The emails a network's admins may read: those about its structures (their loans, their
 * members, an invitation to someone without an account yet), and a person's own account emails
 * and digest when that person belongs to one of them — for account emails, even while their
 * request to join waits. Never a person's emails about another network's structures.
 */
function inAdminScope(networkIds: string[]) {
  const structures = sql`(select ${organisationNetworks.organisationId} from ${organisationNetworks} where ${inArray(organisationNetworks.networkId, networkIds)})`;
  const memberOfThem = (activeOnly: boolean) =>
    sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${notifications.recipientId} and ${memberships.organisationId} in ${structures}${activeOnly ? sql` and ${memberships.status} = 'active'` : sql``})`;
  return or(
    sql`${events.organisationId} in ${structures}`,
    sql`exists (select 1 from ${bookings} where ${bookings.id} = ${events.bookingId} and (${bookings.lenderOrganisationId} in ${structures} or ${bookings.borrowerOrganisationId} in ${structures}))`,
    and(
      isNull(events.bookingId),
      isNull(events.organisationId),
      sql`${events.type} like 'account.%'`,
      memberOfThem(false),
    ),
    and(
      isNull(events.bookingId),
      isNull(events.organisationId),
      sql`${events.type} not like 'account.%'`,
      memberOfThem(true),
    ),
  );
}

const summary = {
  id: notifications.id,
  kind: notifications.kind,
  to: notifications.toAddress,
  locale: notifications.locale,
  status: notifications.status,
  subject: notifications.subject,
  attempts: notifications.attempts,
  lastError: notifications.lastError,
  nextAttemptAt: notifications.nextAttemptAt,
  sentAt: notifications.sentAt,
  createdAt: notifications.createdAt,
  undeliverable: sql<boolean>`${users.emailUndeliverableAt} is not null`,
};

type SummaryRow = {
  id: number;
  kind: string;
  to: string | null;
  locale: 'fr' | 'en';
  status: EmailStatus | null;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  undeliverable: boolean;
};

function present(row: SummaryRow) {
  return {
    ...row,
    id: String(row.id),
    to: row.to ?? '',
    status: row.status!,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** /admin/emails: every email of the admin's networks, newest first, by status. */
export async function listEmails(
  db: Database,
  actor: Actor,
  query: { status?: EmailStatus; cursor?: string; limit?: number },
) {
  const { networkIds } = await requireAccess(db, actor, 'network.read_emails', 'networks');
  const limit = query.limit ?? 50;
  const before = query.cursor ? decodeIdCursor(query.cursor) : undefined;
  const rows = await db
    .select(summary)
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .leftJoin(users, eq(users.id, notifications.recipientId))
    .where(
      and(
        eq(notifications.channel, 'email'),
        inAdminScope(networkIds),
        query.status ? eq(notifications.status, query.status) : undefined,
        before ? lt(notifications.id, before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const counts = await db
    .select({ status: notifications.status, count: sql<number>`count(*)::int` })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(and(eq(notifications.channel, 'email'), inAdminScope(networkIds)))
    .groupBy(notifications.status);
  return {
    emails: page.map(present),
    counts: Object.fromEntries(counts.map((row) => [row.status!, row.count])) as Partial<Record<EmailStatus, number>>,
    nextCursor: rows.length > limit ? encodeCursor([String(page.at(-1)!.id)]) : null,
  };
}

async function findInScope(db: Database, actor: Actor, id: string) {
  const { networkIds } = await requireAccess(db, actor, 'network.read_emails', 'networks');
  if (!/^\d{1,15}$/.test(id)) throw new AppError('not_found', 'E-mail introuvable.');
  const [row] = await db
    .select({
      ...summary,
      textBody: notifications.textBody,
      htmlBody: notifications.htmlBody,
      calendar: notifications.calendar,
      messageId: notifications.messageId,
    })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .leftJoin(users, eq(users.id, notifications.recipientId))
    .where(and(eq(notifications.id, Number(id)), eq(notifications.channel, 'email'), inAdminScope(networkIds)));
  if (!row) throw new AppError('not_found', 'E-mail introuvable.');
  return row;
}

/** One email as it was (or will be) sent. */
export async function getEmail(db: Database, actor: Actor, id: string) {
  const row = await findInScope(db, actor, id);
  return { ...present(row), text: row.textBody, html: row.htmlBody, calendar: row.calendar, messageId: row.messageId };
}

/** An admin sends a failed (or waiting) email again now: a new attempt, same Message-ID. */
export async function retryEmail(db: Database, actor: Actor, id: string) {
  const row = await findInScope(db, actor, id);
  if (row.status !== 'failed' && row.status !== 'retrying') {
    throw new AppError(
      'email_not_retryable',
      'Seul un e-mail en échec ou en attente de nouvel essai peut être renvoyé.',
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .update(notifications)
      .set({ status: 'queued', nextAttemptAt: new Date(), lastError: null })
      .where(and(eq(notifications.id, row.id), inArray(notifications.status, ['failed', 'retrying'])));
    await enqueueInTransaction(tx, [{ name: queues.deliverEmail, data: { notificationId: row.id } }]);
  });
  return getEmail(db, actor, id);
}

/** Every template with sample data, in both languages: what the admins can preview. */
export async function listTemplates(db: Database, actor: Actor) {
  await requireAccess(db, actor, 'network.read_emails', 'networks');
  return {
    templates: [...notificationKinds, 'digest' as const].map((kind) => ({
      kind,
      fr: renderEmail(kind, sampleInputs[kind] as never, sampleContext('fr')),
      en: renderEmail(kind, sampleInputs[kind] as never, sampleContext('en')),
    })),
  };
}
