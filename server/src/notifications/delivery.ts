import { createHash } from 'node:crypto';
import { renderEmail, type EmailInputs, type RenderedEmail } from '@mutua/emails';
import { invitationCalendar } from '../calendar/service.ts';
import type { Database } from '../db/client.ts';
import { carriesPersonalLinks, essentialKinds, type NotificationKind } from '../domain/notifications.ts';
import { enqueueInTransaction, queues } from '../jobs/queue.ts';
import { digestInputOf, settleDigest } from './digest.ts';
import { emailInputOf } from './email-inputs.ts';
import {
  claimEmail,
  type EmailRow,
  markAddressUndeliverable,
  saveRendered,
  selectEvent,
  selectRecipientName,
  settleEmail,
} from './delivery-queries.ts';
import { preferencesPath, unsubscribePath } from './paths.ts';
import { stillDue } from './reminders.ts';
import { classifyFailure, type Transport } from './transports.ts';
import { unsubscribeToken } from './unsubscribe.ts';

export type DeliverySettings = {
  db: Database;
  transport: Transport;
  publicUrl: string;
  mailFrom: { name: string; address: string };
  secret: string;
  /** Seconds to wait before each new attempt; the last one repeats until `retryForSeconds` have passed. */
  retryDelaysSeconds: number[];
  /** How long an email keeps being retried before it is `failed` (at least a day: an SMTP server may be down a night). */
  retryForSeconds: number;
  /** How long a worker holds an email it sends (longer than the transport's own timeouts). */
  leaseSeconds: number;
};

/** Soon at first (a server restarting), then further apart: about fourteen hours in nine tries, then every six hours until `retryForSeconds`. */
export const defaultRetryDelaysSeconds = [15, 60, 300, 900, 1800, 3600, 7200, 14_400, 21_600];

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped' | 'not_due';

/**
 * Sends one email notification, once. The claim makes a second job, a retry or a re-run after
 * a job's expiry a no-op; the outcome is written right after the transport answers. At worst a
 * crash between the SMTP server's acceptance and that write sends it again when the lease ends,
 * with the same Message-ID, so that mail clients show one.
 */
export async function deliverEmail(settings: DeliverySettings, notificationId: number): Promise<DeliveryOutcome> {
  const { db } = settings;
  const email = await claimEmail(db, notificationId, settings.leaseSeconds);
  if (!email) return 'not_due';
  const event = await selectEvent(db, email.eventId);
  const kind = email.kind as EmailKind;
  if (!event || (kind !== 'digest' && !(await stillDue(db, kind, event)))) {
    await settleEmail(db, email, { status: 'skipped', lastError: 'no_longer_true' });
    return 'skipped';
  }
  let content: Content | null;
  try {
    content = email.textBody ? storedContent(email) : await renderNow(settings, email, event);
  } catch (error) {
    // A template or the data it reads is wrong: trying again would fail the same way, every lease, forever.
    await settleEmail(db, email, {
      status: 'failed',
      lastError: `could_not_render: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
    });
    return 'failed';
  }
  if (!content) {
    await settleEmail(db, email, { status: 'skipped', lastError: 'subject_gone' });
    return 'skipped';
  }
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
  if (!isEssential(kind) && email.recipientId) {
    headers['List-Unsubscribe'] =
      `<${settings.publicUrl}/api/unsubscribe/${unsubscribeToken(settings.secret, email.recipientId, kind)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  try {
    await settings.transport.send({
      from: settings.mailFrom,
      to: email.toAddress!,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: content.messageId,
      headers,
      calendar: content.calendar,
    });
  } catch (error) {
    return recordFailure(settings, email, classifyFailure(error));
  }
  await settleEmail(db, email, { status: 'sent', sentAt: new Date(), lastError: null });
  if (kind === 'digest') await settleDigest(db, email);
  return 'sent';
}

type Content = RenderedEmail & {
  messageId: string;
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
};

function storedContent(email: EmailRow): Content {
  return {
    subject: email.subject!,
    text: email.textBody ?? '',
    html: email.htmlBody ?? '',
    messageId: email.messageId!,
    calendar: email.calendar
      ? { method: email.calendar.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST', content: email.calendar }
      : null,
  };
}

async function renderNow(
  settings: DeliverySettings,
  email: EmailRow,
  event: NonNullable<Awaited<ReturnType<typeof selectEvent>>>,
): Promise<Content | null> {
  const kind = email.kind as EmailKind;
  const context = { publicUrl: settings.publicUrl, recipientId: email.recipientId, secret: settings.secret };
  const built =
    kind === 'digest'
      ? await digestBuilt(settings.db, event, email.id, context)
      : await emailInputOf(settings.db, kind, event, context);
  if (!built) return null;
  const rendered = renderEmail(built.kind, built.input as EmailInputs[typeof built.kind], {
    locale: email.locale,
    recipientName: await selectRecipientName(settings.db, email.recipientId),
    publicUrl: settings.publicUrl,
    unsubscribeUrl:
      !isEssential(kind) && email.recipientId
        ? settings.publicUrl + unsubscribePath(unsubscribeToken(settings.secret, email.recipientId, kind))
        : null,
    preferencesUrl: settings.publicUrl + preferencesPath,
  });
  const calendar = await calendarPartOf(settings, kind, event, built);
  const content: Content = { ...rendered, messageId: messageIdOf(email.dedupKey, settings.publicUrl), calendar };
  // A real mailbox receives the links that act for the person (a password reset, « Accepter »):
  // the database keeps only the subject of those. The demo's local mailbox keeps everything.
  const keepBody = settings.transport.kind === 'mailbox' || kind === 'digest' || !carriesPersonalLinks.has(kind);
  await saveRendered(settings.db, email.id, {
    subject: content.subject,
    textBody: keepBody ? content.text : null,
    htmlBody: keepBody ? content.html : null,
    calendar: calendar?.content ?? null,
    messageId: content.messageId,
  });
  return content;
}

/** The digest's input: what it gathers for its reader (null when there is nothing to say). */
async function digestBuilt(
  db: Database,
  event: Parameters<typeof digestInputOf>[1],
  digestId: number,
  context: Parameters<typeof digestInputOf>[3],
) {
  const input = await digestInputOf(db, event, digestId, context);
  return input ? { kind: 'digest' as const, input } : null;
}

/** What an email is: a notification of one kind, or the daily digest of several. */
type EmailKind = NotificationKind | 'digest';
const isEssential = (kind: EmailKind) => kind !== 'digest' && essentialKinds.has(kind);

/** An accepted loan's email invites to the event; an accepted loan called off cancels it. A request never carries one. */
async function calendarPartOf(
  settings: DeliverySettings,
  kind: EmailKind,
  event: { bookingId: string | null; params: Record<string, unknown> },
  built: { input: unknown },
) {
  const params = event.params as { revision?: number; fromStatus?: string };
  const method =
    kind === 'booking.accepted'
      ? 'request'
      : kind === 'booking.cancelled' && params.fromStatus === 'accepted'
        ? 'cancel'
        : null;
  if (!method || !event.bookingId) return null;
  const side =
    kind === 'booking.accepted'
      ? 'borrower'
      : (built.input as EmailInputs['booking.cancelled']).by === 'lender'
        ? 'borrower'
        : 'lender';
  const content = await invitationCalendar(
    settings.db,
    event.bookingId,
    side,
    { method, revision: params.revision ?? 0 },
    {
      publicUrl: settings.publicUrl,
      organizer: settings.mailFrom && { name: settings.mailFrom.name, email: settings.mailFrom.address },
    },
  );
  return content ? { method: method === 'request' ? ('REQUEST' as const) : ('CANCEL' as const), content } : null;
}

async function recordFailure(
  settings: DeliverySettings,
  email: EmailRow,
  failure: ReturnType<typeof classifyFailure>,
): Promise<DeliveryOutcome> {
  const { db } = settings;
  if (failure.permanence !== 'temporary') {
    await db.transaction(async (tx) => {
      await settleEmail(tx, email, { status: 'failed', lastError: failure.reason });
      if (failure.permanence === 'address') await markAddressUndeliverable(tx, email.toAddress!, failure.reason);
    });
    return 'failed';
  }
  const age = (Date.now() - email.createdAt.getTime()) / 1000;
  if (age >= settings.retryForSeconds) {
    await settleEmail(db, email, { status: 'failed', lastError: failure.reason });
    return 'failed';
  }
  const delays = settings.retryDelaysSeconds;
  const delay = delays[Math.min(email.attempts - 1, delays.length - 1)] ?? 60;
  const nextAttemptAt = new Date(Date.now() + delay * 1000);
  await db.transaction(async (tx) => {
    if (await settleEmail(tx, email, { status: 'retrying', lastError: failure.reason, nextAttemptAt })) {
      await enqueueInTransaction(tx, [
        { name: queues.deliverEmail, data: { notificationId: email.id }, startAfter: nextAttemptAt },
      ]);
    }
  });
  return 'retrying';
}

/** The same notification always gets the same Message-ID. */
export function messageIdOf(dedupKey: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'mutua.local';
  return `<${createHash('sha256').update(dedupKey).digest('hex').slice(0, 32)}@${host}>`;
}
