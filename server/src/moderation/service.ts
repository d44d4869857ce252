import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { recordEvent } from '../events/record.ts';
import type { OrganisationStatus } from '../domain/organisations.ts';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import type { AuditAction } from '../domain/audit.ts';
import type { NotificationKind } from '../domain/notifications.ts';
import { declineRequestsOfSuspended } from '../bookings/suspension.ts';
import {
  countOpenLoans,
  decidePendingOrganisation,
  moveOrganisationStatus,
  selectOrganisationsForReview,
  selectStatus,
} from './queries.ts';

export async function listOrganisationsForReview(db: Database, actor: Actor, status: OrganisationStatus = 'pending') {
  const { networkIds } = await requireAccess(db, actor, 'network.review_organisations', 'networks');
  return { organisations: await selectOrganisationsForReview(db, networkIds, status) };
}

export function approveOrganisation(db: Database, actor: Actor, organisationId: string) {
  return decidePending(db, actor, organisationId, { status: 'active', rejectionReason: null });
}

export function rejectOrganisation(db: Database, actor: Actor, organisationId: string, reason: string | undefined) {
  return decidePending(db, actor, organisationId, { status: 'rejected', rejectionReason: reason?.trim() || null });
}

/** How a 409 names the status the structure is in. */
const statusWords: Record<OrganisationStatus, string> = {
  pending: 'en attente',
  active: 'active',
  rejected: 'refusée',
  suspended: 'suspendue',
};

/**
 * A structure's status is one for all its networks: the journal of each of them says who changed
 * it, not only the journal of the network whose admin acted.
 */
function networksOfStructure(grant: Awaited<ReturnType<typeof requireAccess>>): string[] {
  return grant.target.type === 'organisation' ? grant.target.networkIds : grant.networkIds;
}

async function decidePending(
  db: Database,
  actor: Actor,
  organisationId: string,
  decision: { status: 'active' | 'rejected'; rejectionReason: string | null },
) {
  const grant = await requireAccess(db, actor, 'network.review_organisations', { organisation: organisationId });
  const decided = await db.transaction(async (tx) => {
    const row = await decidePendingOrganisation(tx, organisationId, { ...decision, reviewedBy: actor.user.id });
    if (row) {
      const action = decision.status === 'active' ? 'organisation.approved' : 'organisation.rejected';
      await recordEvent(tx, { type: action, actorId: actor.user.id, organisationId });
      await recordAudit(tx, {
        actorId: actor.user.id,
        action,
        target: { type: 'organisation', id: organisationId },
        organisationId,
        networkIds: networksOfStructure(grant),
        before: { status: 'pending' },
        after: { status: decision.status },
        note: decision.rejectionReason,
      });
    }
    return row;
  });
  if (!decided) {
    const status = await selectStatus(db, organisationId);
    throw new AppError(
      'organisation_not_pending',
      `Cette structure n'est plus en attente (elle est ${statusWords[status!]}).`,
    );
  }
  const [reviewed] = await selectOrganisationsForReview(db, grant.networkIds, decision.status, organisationId);
  return reviewed!;
}

/**
 * Suspends an active structure: its listings leave the catalogue (search shows only active
 * owners), its waiting requests are declined both ways, its accepted loans stay open for the
 * admin to follow up. Its members hear why.
 */
export async function suspendOrganisation(db: Database, actor: Actor, organisationId: string, reason: string) {
  let declinedRequests = 0;
  const organisation = await changeStanding(db, actor, organisationId, {
    from: 'active',
    to: 'suspended',
    action: 'organisation.suspended',
    note: reason,
    params: { reason },
    conflict: 'Seule une structure active peut être suspendue',
    alsoDo: async (tx) => {
      declinedRequests = await declineRequestsOfSuspended(tx, organisationId);
    },
  });
  return { ...organisation, declinedRequests, openLoans: await countOpenLoans(db, organisationId) };
}

/** Lifts a suspension: the structure trades again, its published listings are back in the catalogue. */
export function reinstateOrganisation(db: Database, actor: Actor, organisationId: string) {
  return changeStanding(db, actor, organisationId, {
    from: 'suspended',
    to: 'active',
    action: 'organisation.reinstated',
    conflict: 'Seule une structure suspendue peut être rétablie',
  });
}

/** Puts a refused structure back in the review queue. */
export function reopenOrganisation(db: Database, actor: Actor, organisationId: string) {
  return changeStanding(db, actor, organisationId, {
    from: 'rejected',
    to: 'pending',
    action: 'organisation.reopened',
    conflict: 'Seule une structure refusée peut être rouverte',
  });
}

/** Asks a pending structure's managers to change something before a decision; it stays in the queue. */
export function requestOrganisationChanges(db: Database, actor: Actor, organisationId: string, message: string) {
  return changeStanding(db, actor, organisationId, {
    from: 'pending',
    to: 'pending',
    action: 'organisation.changes_requested',
    note: message,
    params: { message },
    conflict: "Cette structure n'est plus en attente",
    code: 'organisation_not_pending',
  });
}

type StandingChange = {
  from: OrganisationStatus;
  to: OrganisationStatus;
  action: AuditAction & NotificationKind;
  /** What the admin typed, as typed: the audit entry's note and the event's parameter. */
  note?: string;
  params?: Record<string, string>;
  /** The start of the 409's message, when the structure is not (or no longer) in `from`. */
  conflict: string;
  code?: ErrorCode;
  alsoDo?: (tx: Database) => Promise<void>;
};

/** One admin action on a structure's standing: the move, its audit entry and its notification, in one transaction. */
async function changeStanding(db: Database, actor: Actor, organisationId: string, change: StandingChange) {
  const grant = await requireAccess(db, actor, 'network.review_organisations', { organisation: organisationId });
  const moved = await db.transaction(async (tx) => {
    const row = await moveOrganisationStatus(tx, organisationId, change.from, change.to);
    if (!row) return false;
    await change.alsoDo?.(tx);
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: change.action,
      target: { type: 'organisation', id: organisationId },
      organisationId,
      networkIds: networksOfStructure(grant),
      before: { status: change.from },
      after: { status: change.to },
      note: change.note ?? null,
    });
    await recordEvent(tx, {
      type: change.action,
      actorId: actor.user.id,
      organisationId,
      params: change.params ?? {},
    });
    return true;
  });
  if (!moved) {
    const status = await selectStatus(db, organisationId);
    throw new AppError(
      change.code ?? 'organisation_status_conflict',
      `${change.conflict} (elle est ${statusWords[status!]}).`,
    );
  }
  const [organisation] = await selectOrganisationsForReview(db, grant.networkIds, change.to, organisationId);
  return organisation!;
}
