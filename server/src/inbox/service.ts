import type { Actor } from '../auth/actor.ts';
import { grantedInNetwork, type Permission } from '../access/permissions.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { parisToday } from '../domain/calendar-days.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { type FollowUpReason, followUpReasons } from '../domain/follow-ups.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import {
  countInbox,
  type InboxAfter,
  type InboxRow,
  type InboxScope,
  selectEmailContexts,
  selectInboxPage,
  selectListingContexts,
  selectLoanContexts,
  selectLoanNetworks,
  selectNetworkNames,
  selectOrganisationContexts,
  selectReportContexts,
  upsertFollowUps,
} from './queries.ts';
import {
  type InboxCounts,
  type InboxEntry,
  type InboxKind,
  type InboxList,
  type InboxQuery,
  inboxKinds,
} from './schemas.ts';

/** /admin: what waits for a human in the caller's networks (or one of them), oldest first. */
export async function listInbox(db: Database, actor: Actor, query: InboxQuery, now = new Date()): Promise<InboxList> {
  const scope = await inboxScope(db, actor, query.networkId, now);
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeInboxCursor(query.cursor) : undefined;
  const rows = await selectInboxPage(db, { ...scope, kind: query.kind }, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: await withContext(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.since_key, last.kind, last.reason, last.id]) : null,
  };
}

/** The navigation's counts: one statement over the same entries as the list. */
export async function countInboxEntries(
  db: Database,
  actor: Actor,
  networkId?: string,
  now = new Date(),
): Promise<InboxCounts> {
  const counts = await countInbox(db, await inboxScope(db, actor, networkId, now));
  const of = (kind: InboxKind) => counts[kind] ?? 0;
  const result = {
    organisations: of('organisation'),
    listings: of('listing'),
    reports: of('report'),
    loans: of('loan'),
    emails: of('email'),
  };
  return { ...result, total: Object.values(result).reduce((sum, count) => sum + count, 0) };
}

/**
 * A moderator looked after a loan (« Marquer comme traité »): it leaves the inbox of the
 * caller's networks that see it, for that reason; a later reason brings it back.
 */
export async function followUpLoan(
  db: Database,
  actor: Actor,
  bookingId: string,
  body: { reason: FollowUpReason; note?: string },
) {
  const { networkIds: staffed } = await requireAccess(db, actor, 'network.follow_up_loans', 'networks');
  const networkIds = await selectLoanNetworks(db, bookingId, staffed);
  if (networkIds.length === 0) throw new AppError('not_found', 'Prêt introuvable.');
  const note = body.note ?? '';
  const handledAt = await db.transaction(async (tx) => {
    const [written] = await upsertFollowUps(tx, {
      bookingId,
      networkIds,
      reason: body.reason,
      handledBy: actor.user.id,
      note,
    });
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'loan.followed_up',
      target: { type: 'booking', id: bookingId },
      networkIds,
      after: { reason: body.reason },
      note: note || null,
    });
    return written!.handledAt;
  });
  return { bookingId, reason: body.reason, networkIds, handledAt: handledAt.toISOString(), note };
}

async function inboxScope(db: Database, actor: Actor, networkId: string | undefined, now: Date): Promise<InboxScope> {
  const { networkIds: readable } = await requireAccess(db, actor, 'network.read_inbox', 'networks');
  if (networkId && !readable.includes(networkId)) {
    throw new AppError('forbidden', 'Vous ne modérez pas ce réseau.');
  }
  const networkIds = networkId ? [networkId] : readable;
  // Structures and emails are the admins' (network.review_organisations, network.read_emails).
  const grantedIn = (permission: Permission) =>
    actor.networkRoles
      .filter((role) => networkIds.includes(role.network.id) && grantedInNetwork(role.role, permission))
      .map((role) => role.network.id);
  return {
    networkIds,
    organisationNetworkIds: grantedIn('network.review_organisations'),
    emailNetworkIds: grantedIn('network.read_emails'),
    today: parisToday(now),
    now,
  };
}

const sinceKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const idPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[1-9][0-9]{0,14})$/;

function decodeInboxCursor(cursor: string): InboxAfter {
  const [since, kind, reason, id] = decodeCursor(cursor, 4) as [string, string, string, string];
  const valid =
    sinceKeyPattern.test(since) &&
    !Number.isNaN(Date.parse(since)) &&
    (inboxKinds as readonly string[]).includes(kind) &&
    (reason === '' || (followUpReasons as readonly string[]).includes(reason)) &&
    idPattern.test(id);
  if (!valid) throw fieldError('cursor', 'Le curseur de pagination est invalide.', 'format');
  return { since, kind, reason, id };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const byId = <T extends { id: string | number }>(rows: T[]) => new Map(rows.map((row) => [String(row.id), row]));

/** Each entry with what the moderator needs to decide on one screen. */
async function withContext(db: Database, page: InboxRow[]): Promise<InboxEntry[]> {
  const idsOf = (kind: InboxKind) => [...new Set(page.filter((row) => row.kind === kind).map((row) => row.id))];
  const networkIdsOf = (row: InboxRow) =>
    Array.isArray(row.network_ids) ? row.network_ids : row.network_ids.replace(/^{|}$/g, '').split(',').filter(Boolean);
  const [networkRows, organisationRows, listingRows, reportRows, loanRows, emailRows] = await Promise.all([
    selectNetworkNames(db, [...new Set(page.flatMap(networkIdsOf))]),
    selectOrganisationContexts(db, idsOf('organisation')),
    selectListingContexts(db, idsOf('listing')),
    selectReportContexts(db, idsOf('report')),
    selectLoanContexts(db, idsOf('loan')),
    selectEmailContexts(db, idsOf('email').map(Number)),
  ]);
  const networkNames = byId(networkRows);
  const organisationsById = byId(organisationRows);
  const listingsById = byId(listingRows);
  const reportsById = byId(reportRows);
  const loansById = byId(loanRows.loans);
  const emailsById = byId(emailRows);
  return page.map((row) => {
    const organisation = row.kind === 'organisation' ? organisationsById.get(row.id) : undefined;
    const listing = row.kind === 'listing' ? listingsById.get(row.id) : undefined;
    const report = row.kind === 'report' ? reportsById.get(row.id) : undefined;
    const loan = row.kind === 'loan' ? loansById.get(row.id) : undefined;
    const email = row.kind === 'email' ? emailsById.get(row.id) : undefined;
    return {
      kind: row.kind,
      reason: row.kind === 'loan' ? (row.reason as FollowUpReason) : null,
      since: iso(row.since)!,
      id: row.id,
      networks: networkIdsOf(row)
        .map((id) => networkNames.get(id))
        .filter((network) => network !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      organisation: organisation ?? null,
      listing: listing
        ? {
            id: listing.id,
            type: listing.type,
            title: listing.title,
            organisation: { id: listing.organisationId, name: listing.organisationName },
          }
        : null,
      report: report
        ? {
            id: report.id,
            targetType: report.targetType,
            targetId: report.targetId,
            reasonCode: report.reasonCode,
            targetLabel: report.targetLabel,
            text: report.text,
            organisation: { id: report.organisationId, name: report.organisationName },
          }
        : null,
      loan: loan
        ? {
            id: loan.id,
            kind: loan.kind,
            status: loan.status,
            lender: { id: loan.lenderId, name: loan.lenderName },
            borrower: { id: loan.borrowerId, name: loan.borrowerName },
            requesterName: loan.requesterName,
            startDate: loan.startDate,
            endDate: loan.endDate,
            startsAt: iso(loan.startsAt),
            endsAt: iso(loan.endsAt),
            expiresAt: iso(loan.expiresAt),
            returnCondition: loan.returnCondition,
            incidentNote: loan.incidentNote,
            items: loanRows.lines
              .filter((line) => line.bookingId === loan.id)
              .map(({ title, quantity }) => ({ title, quantity })),
            serviceTitle: loan.serviceTitle,
          }
        : null,
      email: email
        ? {
            id: String(email.id),
            kind: email.kind,
            to: email.to ?? '',
            subject: email.subject,
            lastError: email.lastError,
            attempts: email.attempts,
          }
        : null,
    };
  });
}
