import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { databaseError, uniqueViolation } from '../db/errors.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import type { OrganisationStatus } from '../domain/organisations.ts';
import type { ReportOutcome, ReportReason, ReportTarget } from '../domain/reports.ts';
import { recordEvent } from '../events/record.ts';
import { applyListingMove, hideMove, requireListingModeration } from '../listing-moderation/service.ts';
import { suspendOrganisation } from '../moderation/service.ts';
import { selectStatus } from '../moderation/queries.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import {
  hideMessage,
  insertReport,
  type ReportRow,
  resolveOpenReport,
  selectMessage,
  selectOrganisationNetworkIds,
  selectReportCore,
  selectReports,
  selectReportsBy,
  selectStanding,
  selectTargetFacts,
} from './queries.ts';
import type {
  AdminReport,
  AdminReportDetail,
  AdminReportList,
  MyReportList,
  ReportCreate,
  ReportListQuery,
  ResolveReport,
} from './schemas.ts';

/**
 * « Signaler »: a member flags what they can see, for a structure they act for. The report goes
 * to the moderators of the networks the two structures share (or, sharing none, of the reported
 * structure's networks); one open report per person and thing.
 */
export async function createReport(db: Database, actor: Actor, input: ReportCreate) {
  const reportedOrganisationId = await requireVisibleTarget(db, actor, input.targetType, input.targetId);
  const reporterOrganisationId =
    input.organisationId ?? actor.memberships.find((m) => m.status === 'active')?.organisation.id;
  if (!reporterOrganisationId) {
    throw new AppError('forbidden', 'Seules les personnes membres d’une structure peuvent signaler.');
  }
  await requireAccess(db, actor, 'report.create', { organisation: reporterOrganisationId });
  const reporterNetworks = await selectOrganisationNetworkIds(db, reporterOrganisationId);
  const reportedNetworks = await selectOrganisationNetworkIds(db, reportedOrganisationId);
  const shared = reportedNetworks.filter((id) => reporterNetworks.includes(id));
  const networkIds = shared.length > 0 ? shared : reportedNetworks;
  if (networkIds.length === 0) throw new AppError('not_found', 'Introuvable.');
  try {
    return await db.transaction(async (tx) => {
      const report = await insertReport(tx, {
        targetType: input.targetType,
        targetId: input.targetId,
        organisationId: reportedOrganisationId,
        networkIds,
        reporterId: actor.user.id,
        reporterOrganisationId,
        reasonCode: input.reasonCode,
        text: input.text ?? '',
      });
      await recordEvent(tx, {
        type: 'report.received',
        actorId: actor.user.id,
        organisationId: reportedOrganisationId,
        params: { reportId: report.id },
      });
      return report;
    });
  } catch (error) {
    if (databaseError(error)?.code === uniqueViolation) {
      throw new AppError(
        'report_already_open',
        'Vous avez déjà signalé ceci : la modération du réseau examine votre signalement.',
      );
    }
    throw error;
  }
}

/** The structure a target is about, once the caller is known to see it (404 otherwise). */
async function requireVisibleTarget(db: Database, actor: Actor, type: ReportTarget, id: string): Promise<string> {
  switch (type) {
    case 'item':
    case 'service': {
      const { target } = await requireAccess(
        db,
        actor,
        'listing.view',
        type === 'item' ? { item: id } : { service: id },
      );
      return (target as { organisationId: string }).organisationId;
    }
    case 'message': {
      const message = await selectMessage(db, id);
      if (!message) throw new AppError('not_found', 'Message introuvable.');
      await requireAccess(db, actor, 'booking.view', { booking: message.bookingId }).catch((error: unknown) => {
        // Someone who is not a side of the loan may not learn the message exists.
        if (error instanceof AppError && error.statusCode === 403)
          throw new AppError('not_found', 'Message introuvable.');
        throw error;
      });
      return message.authorOrganisationId;
    }
    case 'organisation':
      await requireAccess(db, actor, 'organisation.view', { organisation: id });
      return id;
  }
}

/** /admin/signalements: the reports of the caller's networks; open ones oldest first. */
export async function listReports(db: Database, actor: Actor, query: ReportListQuery): Promise<AdminReportList> {
  const { networkIds } = await requireAccess(db, actor, 'network.handle_reports', 'networks');
  const open = (query.status ?? 'open') === 'open';
  const limit = query.limit ?? 50;
  const rows = await selectReports(db, {
    networkIds,
    open,
    targetType: query.targetType,
    // Its shape ([createdKey, id]) was checked with the query (the `booking-cursor` format).
    after: query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined,
    ascending: open,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    reports: await present(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdKey, last.id]) : null,
  };
}

/** One report with what a moderator needs to decide on one screen. */
export async function getReport(db: Database, actor: Actor, reportId: string): Promise<AdminReportDetail> {
  const { networkIds } = await requireAccess(db, actor, 'network.handle_reports', { report: reportId });
  const [row] = await selectReports(db, { networkIds, id: reportId, ascending: true, limit: 1 });
  if (!row) throw new AppError('not_found', 'Signalement introuvable.');
  const others = await selectReports(db, {
    networkIds,
    target: { type: row.targetType, id: row.targetId },
    ascending: false,
    limit: 50,
  });
  const [report, ...otherReports] = await present(db, [row, ...others.filter((other) => other.id !== row.id)]);
  const status = await selectStatus(db, row.organisationId);
  return {
    ...report!,
    otherReports,
    standing: status
      ? { status: status as OrganisationStatus, ...(await selectStanding(db, row.organisationId, networkIds)) }
      : null,
  };
}

async function present(db: Database, rows: ReportRow[]): Promise<AdminReport[]> {
  const facts = await selectTargetFacts(db, rows);
  return rows.map((row) => {
    const fact = facts.get(`${row.targetType}:${row.targetId}`);
    return {
      id: row.id,
      target: {
        type: row.targetType as ReportTarget,
        id: row.targetId,
        exists: Boolean(fact),
        title: fact?.title ?? null,
        excerpt: fact?.excerpt ?? null,
        status: fact?.status ?? null,
        bookingId: fact?.bookingId ?? null,
        hidden: fact?.hidden ?? false,
      },
      structure: row.structure?.id ? row.structure : null,
      reasonCode: row.reasonCode as ReportReason,
      text: row.text,
      reporter: {
        name: row.reporterName,
        structure: row.reporterOrganisationId
          ? { id: row.reporterOrganisationId, name: row.reporterOrganisationName! }
          : null,
      },
      createdAt: row.createdAt.toISOString(),
      resolution:
        row.resolvedAt && row.outcome
          ? {
              outcome: row.outcome as ReportOutcome,
              note: row.resolutionNote ?? '',
              resolvedAt: row.resolvedAt.toISOString(),
              resolvedBy: row.resolverId ? { id: row.resolverId, name: row.resolverName! } : null,
            }
          : null,
    };
  });
}

/**
 * Resolves a report, in one transaction with what the outcome does: hiding hides the listing (as
 * « Masquer » does) or the message; suspending suspends the structure (an admin's decision, as
 * from its page). What is already hidden or suspended stays so: a second report on it is
 * resolved without acting twice. The reporter hears the outcome.
 */
export async function resolveReport(db: Database, actor: Actor, reportId: string, resolution: ResolveReport) {
  const { networkIds } = await requireAccess(db, actor, 'network.handle_reports', { report: reportId });
  const report = await selectReportCore(db, reportId);
  if (!report) throw new AppError('not_found', 'Signalement introuvable.');
  if (report.resolvedAt) throw alreadyResolved();
  const type = report.targetType as ReportTarget;
  const note = resolution.note;
  let listingNetworks: string[] = [];
  if (resolution.outcome === 'hidden') {
    if (type === 'organisation') {
      throw fieldError('outcome', 'Une structure se suspend, elle ne se masque pas.', 'enum');
    }
    if (type === 'item' || type === 'service') {
      listingNetworks = await requireListingModeration(db, actor, { type, id: report.targetId });
    }
  }
  if (resolution.outcome === 'suspended') {
    // Suspending is the admins' (the same permission as from the structure's page): a moderator gets a 403.
    await requireAccess(db, actor, 'network.review_organisations', { organisation: report.organisationId });
  }
  await db.transaction(async (tx) => {
    const resolved = await resolveOpenReport(tx, reportId, {
      resolvedBy: actor.user.id,
      outcome: resolution.outcome,
      resolutionNote: note,
    });
    if (!resolved) throw alreadyResolved();
    if (resolution.outcome === 'hidden') {
      await hideTarget(
        tx,
        actor,
        { type, id: report.targetId },
        report.organisationId,
        networkIds,
        listingNetworks,
        note,
      );
    }
    if (resolution.outcome === 'suspended' && (await selectStatus(tx, report.organisationId)) !== 'suspended') {
      await suspendOrganisation(tx, actor, report.organisationId, note);
    }
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'report.resolved',
      target: { type: 'report', id: reportId },
      organisationId: report.organisationId,
      networkIds,
      before: { outcome: null },
      after: { outcome: resolution.outcome },
      note,
    });
    if (resolved.reporterId) {
      await recordEvent(tx, {
        type: 'report.resolved',
        actorId: actor.user.id,
        userId: resolved.reporterId,
        params: { reportId, outcome: resolution.outcome },
      });
    }
  });
  return getReport(db, actor, reportId);
}

async function hideTarget(
  tx: Database,
  actor: Actor,
  target: { type: ReportTarget; id: string },
  organisationId: string,
  reportNetworks: string[],
  listingNetworks: string[],
  note: string,
) {
  if (target.type === 'message') {
    const message = await selectMessage(tx, target.id);
    if (!message) throw new AppError('not_found', 'Message introuvable.');
    if (!(await hideMessage(tx, target.id))) return;
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'message.hidden',
      target: { type: 'message', id: target.id },
      organisationId,
      networkIds: reportNetworks,
      before: { hidden: false },
      after: { hidden: true },
      note,
    });
    return;
  }
  if (target.type !== 'item' && target.type !== 'service') return;
  const facts = await selectTargetFacts(tx, [{ targetType: target.type, targetId: target.id }]);
  if (facts.get(`${target.type}:${target.id}`)?.status === 'hidden') return;
  await applyListingMove(tx, actor.user.id, listingNetworks, { type: target.type, id: target.id }, hideMove(note));
}

const alreadyResolved = () =>
  new AppError('report_already_resolved', 'Ce signalement a déjà été traité par la modération.');

/** « Mes signalements »: what the caller reported and what came of it. */
export async function listMyReports(db: Database, actor: Actor): Promise<MyReportList> {
  const rows = await selectReportsBy(db, actor.user.id);
  const facts = await selectTargetFacts(db, rows);
  return {
    reports: rows.map((row) => ({
      id: row.id,
      target: {
        type: row.targetType as ReportTarget,
        id: row.targetId,
        title: facts.get(`${row.targetType}:${row.targetId}`)?.title ?? null,
      },
      reasonCode: row.reasonCode as ReportReason,
      text: row.text,
      createdAt: row.createdAt.toISOString(),
      outcome: (row.outcome as ReportOutcome | null) ?? null,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
    })),
  };
}
