import type { BookingSummary, DeclineReason, EmailInputs } from '@mutua/emails';
import { and, eq, inArray } from 'drizzle-orm';
import { selectBookings, selectLines } from '../bookings/queries.ts';
import type { Database } from '../db/client.ts';
import { bookingMessages, bookings } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import type { events } from '../db/schema/events.ts';
import { memberships, networkRoles } from '../db/schema/memberships.ts';
import { needResponses, needs } from '../db/schema/needs.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { reports } from '../db/schema/reports.ts';
import { services } from '../db/schema/services.ts';
import { users } from '../db/schema/users.ts';
import { declineCodes, type NotificationKind } from '../domain/notifications.ts';
import { reportOutcomes, reportReasons } from '../domain/reports.ts';
import { issueActionLinks } from '../bookings/email-actions.ts';
import { signToken } from '../email-links/tokens.ts';
import { appPathOf } from './paths.ts';

type EventRow = typeof events.$inferSelect;
type Inputs<K extends NotificationKind> = EmailInputs[K];
export type AnyEmailInput = { [K in NotificationKind]: { kind: K; input: Inputs<K> } }[NotificationKind];

export type InputContext = { publicUrl: string; recipientId: string | null; secret: string };

/**
 * What a template needs for one notification, read now (names and titles as they are when the
 * email goes). Null when the thing it is about is gone: nothing to say any more.
 */
export async function emailInputOf(
  db: Database,
  kind: NotificationKind,
  event: EventRow,
  context: InputContext,
): Promise<AnyEmailInput | null> {
  const params = event.params as Record<string, string | number | undefined>;
  const url = context.publicUrl + appPathOf(kind, event);
  if (kind.startsWith('booking.') || kind.startsWith('reminder.')) {
    const booking = await bookingSummaryOf(db, event.bookingId!, context.publicUrl);
    if (!booking) return null;
    const row = booking.row;
    const side = await sideOf(db, context.recipientId, row);
    const summary = booking.summary;
    switch (kind) {
      case 'booking.requested': {
        // The buttons act for this reader: only while the request waits, and only for a person who may answer it.
        const links =
          row.status === 'requested' && side === 'lender' && context.recipientId
            ? await issueActionLinks(db, context.secret, row, context.recipientId)
            : null;
        return {
          kind,
          input: {
            booking: summary,
            message: row.message,
            expiresAt: row.expiresAt?.toISOString() ?? null,
            acceptUrl: links ? `${context.publicUrl}/action/${links.accept}` : null,
            declineUrl: links ? `${context.publicUrl}/action/${links.decline}` : null,
          },
        };
      }
      case 'booking.accepted':
        return { kind, input: { booking: summary, answer: row.answer } };
      case 'booking.declined':
        return { kind, input: { booking: summary, reason: declineReasonOf(row), side } };
      case 'booking.cancelled':
        return {
          kind,
          input: { booking: summary, by: params.party === 'lender' ? 'lender' : 'borrower', reason: row.cancelReason },
        };
      case 'booking.expired':
        return { kind, input: { booking: summary, side } };
      case 'booking.message': {
        const message = await messageOf(db, String(params.messageId));
        return message ? { kind, input: { booking: summary, ...message } } : null;
      }
      case 'reminder.pickup':
      case 'reminder.return':
        return { kind, input: { booking: summary, side } };
      case 'reminder.overdue':
        return { kind, input: { booking: summary, side, daysLate: Number(params.daysLate ?? 1) } };
      case 'reminder.answer_due':
      case 'reminder.request_expiring':
        return { kind, input: { booking: summary, expiresAt: String(params.expiresAt) } };
      default:
        return null;
    }
  }
  const link = (path: string) =>
    `${context.publicUrl}${path}/${signToken(context.secret, { id: String(params.tokenId), purpose: purposes[kind as keyof typeof purposes] })}`;
  switch (kind) {
    case 'account.verify_email':
      return { kind, input: { url: link('/verifier-email'), expiresInHours: Number(params.expiresInHours) } };
    case 'account.password_reset':
      return { kind, input: { url: link('/mot-de-passe'), expiresInMinutes: Number(params.expiresInMinutes) } };
    case 'account.password_changed':
      return {
        kind,
        input: { changedAt: event.createdAt.toISOString(), resetUrl: `${context.publicUrl}/mot-de-passe-oublie` },
      };
    case 'account.signup_attempt':
      return {
        kind,
        input: {
          attemptedAt: event.createdAt.toISOString(),
          signInUrl: `${context.publicUrl}/connexion`,
          resetUrl: `${context.publicUrl}/mot-de-passe-oublie`,
        },
      };
    case 'account.email_change':
      return {
        kind,
        input: {
          newEmail: String(params.newEmail),
          url: link('/adresse'),
          expiresInHours: Number(params.expiresInHours),
        },
      };
    case 'organisation.invitation': {
      const [organisation, inviter] = [
        await organisationOf(db, event.organisationId!),
        event.actorId ? await personOf(db, event.actorId) : undefined,
      ];
      if (!organisation) return null;
      return {
        kind,
        input: {
          organisationName: organisation.name,
          inviterName: inviter?.name ?? organisation.name,
          role: params.role === 'manager' ? 'manager' : 'member',
          url: link('/invitation'),
          expiresInDays: Number(params.expiresInDays),
        },
      };
    }
    case 'organisation.approved':
    case 'organisation.rejected': {
      const organisation = await organisationOf(db, event.organisationId!);
      if (!organisation) return null;
      return kind === 'organisation.approved'
        ? { kind, input: { organisationName: organisation.name, url } }
        : { kind, input: { organisationName: organisation.name, reason: organisation.rejectionReason, url } };
    }
    case 'organisation.suspended':
    case 'organisation.reinstated':
    case 'organisation.reopened':
    case 'organisation.changes_requested': {
      const organisation = await organisationOf(db, event.organisationId!);
      if (!organisation) return null;
      const organisationName = organisation.name;
      if (kind === 'organisation.suspended')
        return { kind, input: { organisationName, reason: typed(params.reason), url } };
      if (kind === 'organisation.changes_requested')
        return { kind, input: { organisationName, message: typed(params.message), url } };
      return { kind, input: { organisationName, url } };
    }
    case 'membership.requested': {
      const [organisation, person] = [
        await organisationOf(db, event.organisationId!),
        await personOf(db, event.userId!),
      ];
      return organisation && person
        ? { kind, input: { organisationName: organisation.name, personName: person.name, url } }
        : null;
    }
    case 'membership.accepted': {
      const organisation = await organisationOf(db, event.organisationId!);
      return organisation ? { kind, input: { organisationName: organisation.name, url } } : null;
    }
    case 'need.response': {
      const [need] = await db
        .select({ title: needs.title })
        .from(needs)
        .where(eq(needs.id, String(params.needId)));
      const organisation = await organisationOf(db, event.organisationId!);
      const [response] = await db
        .select({ message: needResponses.message })
        .from(needResponses)
        .where(eq(needResponses.id, String(params.responseId)));
      return need && organisation && response
        ? {
            kind,
            input: { needTitle: need.title, organisationName: organisation.name, message: response.message, url },
          }
        : null;
    }
    case 'listing.approved':
    case 'listing.changes_requested':
    case 'listing.hidden':
    case 'listing.restored':
    case 'listing.archived': {
      const listingTitle = await listingTitleOf(db, params.listingType, String(params.listingId));
      if (listingTitle === null) return null;
      if (kind === 'listing.changes_requested')
        return { kind, input: { listingTitle, message: typed(params.message) ?? '', url } };
      if (kind === 'listing.hidden' || kind === 'listing.archived')
        return { kind, input: { listingTitle, reason: typed(params.reason), url } };
      return { kind, input: { listingTitle, url } };
    }
    case 'report.received': {
      const report = await reportOf(db, String(params.reportId));
      if (!report) return null;
      const reasonCode = reportReasons.find((known) => known === report.reasonCode) ?? 'other';
      return { kind, input: { ...report.about, reasonCode, text: report.text, url } };
    }
    case 'report.resolved': {
      const report = await reportOf(db, String(params.reportId));
      const outcome = reportOutcomes.find((known) => known === params.outcome);
      return report && outcome ? { kind, input: { ...report.about, outcome, url } } : null;
    }
    case 'account.suspended':
      return {
        kind,
        input: {
          reason: typed(params.reason),
          networkNames: await networksToContact(db, event.userId!, event.actorId),
          url: context.publicUrl,
        },
      };
    case 'account.reinstated':
      return { kind, input: { signInUrl: `${context.publicUrl}/connexion` } };
    case 'account.deletion_scheduled': {
      const [person] = await db.select({ eraseAfter: users.eraseAfter }).from(users).where(eq(users.id, event.userId!));
      // Signed in since, the deletion is cancelled: nothing to say any more.
      if (!person?.eraseAfter) return null;
      return {
        kind,
        input: { eraseAfter: person.eraseAfter.toISOString(), signInUrl: `${context.publicUrl}/connexion` },
      };
    }
    case 'network_role.changed': {
      const [network] = await db
        .select({ name: networks.name })
        .from(networks)
        .where(eq(networks.id, String(params.networkId)));
      if (!network) return null;
      const role = params.role === 'admin' || params.role === 'moderator' ? params.role : null;
      return { kind, input: { networkName: network.name, role, url } };
    }
    default:
      return null;
  }
}

/** A listing's title, of an item or a service; null when it is gone. */
async function listingTitleOf(db: Database, listingType: unknown, listingId: string): Promise<string | null> {
  const table = listingType === 'service' ? services : items;
  const [row] = await db.select({ title: table.title }).from(table).where(eq(table.id, listingId));
  return row?.title ?? null;
}

/** The longest a message's excerpt runs in an email's subject. */
const excerptLength = 80;

/** A report and what it is about, named as it is now: a listing's title, a structure's name, a message's opening words. */
async function reportOf(db: Database, reportId: string) {
  const [report] = await db
    .select({
      targetType: reports.targetType,
      targetId: reports.targetId,
      reasonCode: reports.reasonCode,
      text: reports.text,
    })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!report) return null;
  const label = await targetLabelOf(db, report.targetType, report.targetId);
  if (label === null) return null;
  const subject =
    report.targetType === 'message' ? 'message' : report.targetType === 'organisation' ? 'organisation' : 'listing';
  return { ...report, about: { subject, subjectLabel: label } as const };
}

async function targetLabelOf(db: Database, targetType: string, targetId: string): Promise<string | null> {
  switch (targetType) {
    case 'item':
    case 'service':
      return listingTitleOf(db, targetType, targetId);
    case 'organisation':
      return (await organisationOf(db, targetId))?.name ?? null;
    case 'message': {
      const [message] = await db
        .select({ body: bookingMessages.body })
        .from(bookingMessages)
        .where(eq(bookingMessages.id, targetId));
      return message ? excerptOf(message.body) : null;
    }
    default:
      return null;
  }
}

/** The opening words of a message, on one line, cut at a word with « … ». */
function excerptOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= excerptLength) return line;
  const cut = line.slice(0, excerptLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > excerptLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * The networks a suspended person may write to: those of their structures that the suspending
 * admin runs, else all their structures' networks (by name).
 */
async function networksToContact(db: Database, userId: string, actorId: string | null): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: networks.id, name: networks.name })
    .from(memberships)
    .innerJoin(organisationNetworks, eq(organisationNetworks.organisationId, memberships.organisationId))
    .innerJoin(networks, eq(networks.id, organisationNetworks.networkId))
    .where(eq(memberships.userId, userId))
    .orderBy(networks.name);
  const run =
    actorId && rows.length > 0
      ? new Set(
          (
            await db
              .select({ networkId: networkRoles.networkId })
              .from(networkRoles)
              .where(
                and(
                  eq(networkRoles.userId, actorId),
                  inArray(
                    networkRoles.networkId,
                    rows.map((row) => row.id),
                  ),
                ),
              )
          ).map((row) => row.networkId),
        )
      : new Set<string>();
  const theirs = rows.filter((row) => run.has(row.id));
  return (theirs.length > 0 ? theirs : rows).map((row) => row.name);
}

const purposes = {
  'account.verify_email': 'verify_email',
  'account.password_reset': 'reset_password',
  'account.email_change': 'change_email',
  'organisation.invitation': 'invitation',
} as const;

function declineReasonOf(row: typeof bookings.$inferSelect): DeclineReason {
  const code = declineCodes.find((known) => known === row.declineCode);
  return code ? { code } : { code: 'lender', text: row.answer };
}

async function bookingSummaryOf(db: Database, bookingId: string, publicUrl: string) {
  const [row] = await selectBookings(db, eq(bookings.id, bookingId));
  if (!row) return null;
  const lines = row.booking.kind === 'item' ? await selectLines(db, [bookingId]) : [];
  const handover = lines[0] ? await handoverOf(db, lines[0].itemId) : null;
  const summary: BookingSummary = {
    id: row.booking.id,
    kind: row.booking.kind,
    lenderName: row.lender.name,
    borrowerName: row.borrower.name,
    lines: lines.map((line) => ({ title: line.title, quantity: line.quantity })),
    serviceTitle: row.service?.title ?? null,
    startDate: row.booking.startDate,
    endDate: row.booking.endDate,
    startsAt: row.booking.startsAt?.toISOString() ?? null,
    endsAt: row.booking.endsAt?.toISOString() ?? null,
    handover,
    url: `${publicUrl}/prets/${row.booking.id}`,
  };
  return { summary, row: row.booking };
}

/** Where and when an item changes hands, as its lender wrote it. */
async function handoverOf(db: Database, itemId: string): Promise<BookingSummary['handover']> {
  const [item] = await db
    .select({
      address: items.pickupAddress,
      city: items.pickupCity,
      opensAt: items.handoverOpensAt,
      closesAt: items.handoverClosesAt,
      instructions: items.pickupInstructions,
    })
    .from(items)
    .where(eq(items.id, itemId));
  if (!item) return null;
  const clock = (time: string) => time.slice(0, 5);
  return {
    place: [item.address.trim(), item.city].filter(Boolean).join(', '),
    hours: item.opensAt && item.closesAt ? { opensAt: clock(item.opensAt), closesAt: clock(item.closesAt) } : null,
    instructions: item.instructions,
  };
}

/** Which side of the booking the reader stands on (the lender's when on both). */
async function sideOf(
  db: Database,
  userId: string | null,
  booking: { lenderOrganisationId: string },
): Promise<'lender' | 'borrower'> {
  if (!userId) return 'borrower';
  const [lending] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, booking.lenderOrganisationId),
        eq(memberships.status, 'active'),
      ),
    );
  return lending ? 'lender' : 'borrower';
}

async function messageOf(db: Database, messageId: string) {
  const [row] = await db
    .select({ body: bookingMessages.body, authorName: users.name, authorOrganisationName: organisations.name })
    .from(bookingMessages)
    .innerJoin(organisations, eq(organisations.id, bookingMessages.authorOrganisationId))
    .leftJoin(users, eq(users.id, bookingMessages.authorId))
    .where(eq(bookingMessages.id, messageId));
  return row
    ? { body: row.body, authorName: row.authorName ?? '', authorOrganisationName: row.authorOrganisationName }
    : null;
}

async function organisationOf(db: Database, organisationId: string) {
  const [row] = await db
    .select({ name: organisations.name, rejectionReason: organisations.rejectionReason })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row;
}

async function personOf(db: Database, userId: string) {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row;
}

/** What the admin typed, as typed; null when the event carries none. */
function typed(value: string | number | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
