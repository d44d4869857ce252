import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import type { events } from '../db/schema/events.ts';
import { memberships, networkRoles } from '../db/schema/memberships.ts';
import { needs } from '../db/schema/needs.ts';
import { reports } from '../db/schema/reports.ts';
import { users } from '../db/schema/users.ts';
import { type NotificationKind, suspensionDeclineCodes } from '../domain/notifications.ts';

export type Recipient = {
  userId: string | null;
  /** Where the email goes: the person's address, or the one the event names (a new address, an invitation). */
  address: string;
  locale: 'fr' | 'en';
  /** Whether the bell shows it too (account links are for the mailbox only). */
  inApp: boolean;
  undeliverable: boolean;
};

type EventRow = typeof events.$inferSelect;

const person = {
  userId: users.id,
  address: users.email,
  locale: users.locale,
  undeliverable: sql<boolean>`${users.emailUndeliverableAt} is not null`,
};

/**
 * The active members of a structure (its managers only, when asked), never the person who acted,
 * nor a suspended person: they cannot sign in nor act until reinstated, and their own account's
 * emails tell them what the suspension changed.
 */
async function membersOf(
  db: Database,
  organisationId: string,
  actorId: string | null,
  managersOnly = false,
): Promise<Recipient[]> {
  const rows = await db
    .select(person)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, 'active'),
        managersOnly ? eq(memberships.role, 'manager') : undefined,
        actorId ? ne(users.id, actorId) : undefined,
        isNull(users.suspendedAt),
      ),
    )
    .orderBy(users.id);
  return rows.map((row) => ({ ...row, inApp: true }));
}

/** The moderators and admins of the networks a report went to (fixed when it was made), but the one who reported. */
async function moderatorsOfReport(db: Database, reportId: string, actorId: string | null): Promise<Recipient[]> {
  const [report] = await db.select({ networkIds: reports.networkIds }).from(reports).where(eq(reports.id, reportId));
  if (!report || report.networkIds.length === 0) return [];
  const rows = await db
    .selectDistinct(person)
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(
      and(
        inArray(networkRoles.networkId, report.networkIds),
        actorId ? ne(users.id, actorId) : undefined,
        isNull(users.suspendedAt),
      ),
    )
    .orderBy(users.id);
  return rows.map((row) => ({ ...row, inApp: true }));
}

async function theUser(
  db: Database,
  userId: string,
  options: { inApp: boolean; address?: string },
): Promise<Recipient[]> {
  const rows = await db.select(person).from(users).where(eq(users.id, userId));
  return rows.map((row) => ({
    ...row,
    address: options.address ?? row.address,
    inApp: options.inApp,
    undeliverable: options.address ? false : row.undeliverable,
  }));
}

async function sidesOfBooking(db: Database, bookingId: string) {
  const [row] = await db
    .select({ lender: bookings.lenderOrganisationId, borrower: bookings.borrowerOrganisationId })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row!;
}

async function bothSides(db: Database, bookingId: string, actorId: string | null): Promise<Recipient[]> {
  const sides = await sidesOfBooking(db, bookingId);
  return uniqueByUser([
    ...(await membersOf(db, sides.lender, actorId)),
    ...(await membersOf(db, sides.borrower, actorId)),
  ]);
}

/** Who hears about an event, on which kind: the right people of the right structure, never the one who acted. */
export async function recipientsOf(db: Database, event: EventRow): Promise<Recipient[]> {
  const type = event.type as NotificationKind;
  const params = event.params as Record<string, string | undefined>;
  const actor = event.actorId;
  switch (type) {
    case 'booking.requested':
    case 'reminder.answer_due':
      return membersOf(db, (await sidesOfBooking(db, event.bookingId!)).lender, actor);
    case 'booking.declined':
      if (params.reasonCode && suspensionDeclineCodes.has(params.reasonCode))
        return bothSides(db, event.bookingId!, actor);
      return membersOf(db, (await sidesOfBooking(db, event.bookingId!)).borrower, actor);
    case 'booking.accepted':
    case 'reminder.request_expiring':
    case 'reminder.return':
      return membersOf(db, (await sidesOfBooking(db, event.bookingId!)).borrower, actor);
    case 'booking.cancelled': {
      const sides = await sidesOfBooking(db, event.bookingId!);
      return membersOf(db, params.party === 'lender' ? sides.borrower : sides.lender, actor);
    }
    case 'booking.message': {
      const sides = await sidesOfBooking(db, event.bookingId!);
      return membersOf(db, params.authorOrganisationId === sides.lender ? sides.borrower : sides.lender, actor);
    }
    case 'booking.expired':
    case 'reminder.pickup':
    case 'reminder.overdue':
      return bothSides(db, event.bookingId!, actor);
    case 'organisation.approved':
    case 'organisation.rejected':
    case 'organisation.suspended':
    case 'organisation.reinstated':
      return membersOf(db, event.organisationId!, null);
    case 'organisation.reopened':
    case 'organisation.changes_requested':
      return membersOf(db, event.organisationId!, null, true);
    case 'membership.requested':
      return membersOf(db, event.organisationId!, actor, true);
    case 'membership.accepted':
      return theUser(db, event.userId!, { inApp: true });
    case 'need.response': {
      const [need] = await db
        .select({ organisationId: needs.organisationId })
        .from(needs)
        .where(eq(needs.id, params.needId!));
      return need ? membersOf(db, need.organisationId, actor) : [];
    }
    case 'account.verify_email':
    case 'account.password_reset':
    case 'account.signup_attempt':
      return theUser(db, event.userId!, { inApp: false });
    case 'account.password_changed':
      return theUser(db, event.userId!, { inApp: true });
    case 'account.email_change':
      return theUser(db, event.userId!, { inApp: false, address: params.newEmail });
    case 'organisation.invitation':
      return invitee(db, params.email!, (params.locale as 'fr' | 'en' | undefined) ?? 'fr');
    case 'listing.approved':
    case 'listing.changes_requested':
    case 'listing.hidden':
    case 'listing.restored':
    case 'listing.archived':
      return membersOf(db, event.organisationId!, actor);
    case 'report.received':
      return params.reportId ? moderatorsOfReport(db, params.reportId, actor) : [];
    case 'report.resolved':
      // A report resolved by its own reporter (a moderator who reported) tells them nothing new.
      return event.userId && event.userId !== actor ? theUser(db, event.userId, { inApp: true }) : [];
    case 'account.suspended':
    case 'account.reinstated':
    case 'account.deletion_scheduled':
      // The mailbox only: a suspended person cannot sign in, and signing in cancels a deletion.
      return theUser(db, event.userId!, { inApp: false });
    case 'network_role.changed':
      return event.userId && event.userId !== actor ? theUser(db, event.userId, { inApp: true }) : [];
    default:
      // Other events are history only.
      return [];
  }
}

/** An invitation goes to an address; the person may already have an account (then the bell shows it too). */
async function invitee(db: Database, email: string, locale: 'fr' | 'en'): Promise<Recipient[]> {
  const [existing] = await db
    .select(person)
    .from(users)
    .where(inArray(users.email, [email]));
  return existing
    ? [{ ...existing, address: email, inApp: true, undeliverable: false }]
    : [{ userId: null, address: email, locale, inApp: false, undeliverable: false }];
}

function uniqueByUser(recipients: Recipient[]): Recipient[] {
  return recipients.filter(
    (recipient, index) => recipients.findIndex((other) => other.userId === recipient.userId) === index,
  );
}
