import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { recordEvent } from '../events/record.ts';
import type { OrganisationStatus } from '../domain/organisations.ts';
import { AppError } from '../domain/errors.ts';
import { decidePendingOrganisation, selectOrganisationsForReview, selectStatus } from './queries.ts';

export async function listOrganisationsForReview(db: Database, actor: Actor, status: OrganisationStatus = 'pending') {
  const { networkIds } = await requireAccess(db, actor, 'network.review_organisations', 'networks');
  return { organisations: await selectOrganisationsForReview(db, networkIds, status) };
}

export function approveOrganisation(db: Database, actor: Actor, organisationId: string) {
  return decide(db, actor, organisationId, { status: 'active', rejectionReason: null });
}

export function rejectOrganisation(db: Database, actor: Actor, organisationId: string, reason: string | undefined) {
  return decide(db, actor, organisationId, { status: 'rejected', rejectionReason: reason?.trim() || null });
}

async function decide(
  db: Database,
  actor: Actor,
  organisationId: string,
  decision: { status: 'active' | 'rejected'; rejectionReason: string | null },
) {
  const { networkIds } = await requireAccess(db, actor, 'network.review_organisations', {
    organisation: organisationId,
  });
  const decided = await db.transaction(async (tx) => {
    const row = await decidePendingOrganisation(tx, organisationId, { ...decision, reviewedBy: actor.user.id });
    if (row) {
      await recordEvent(tx, {
        type: decision.status === 'active' ? 'organisation.approved' : 'organisation.rejected',
        actorId: actor.user.id,
        organisationId,
      });
    }
    return row;
  });
  if (!decided) {
    const status = await selectStatus(db, organisationId);
    throw new AppError('organisation_not_pending', `Cette structure n'est plus en attente (statut : ${status}).`);
  }
  const [reviewed] = (await selectOrganisationsForReview(db, networkIds, decision.status)).filter(
    (organisation) => organisation.id === organisationId,
  );
  return reviewed!;
}
