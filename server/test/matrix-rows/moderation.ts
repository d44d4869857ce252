import { eq } from 'drizzle-orm';
import { organisations } from '../../src/db/schema/organisations.ts';
import type { Database } from '../../src/db/client.ts';
import type { OrganisationStatus } from '../../src/domain/organisations.ts';
import { type Case, reviewsPending, type Row } from '../access-matrix-kit.ts';

/**
 * X while it is active: anyone signed in sees it (the directory shows it, a foreign admin too),
 * so the refusals are 403; only N's admins act.
 */
const standsActive: Row = [401, 403, 403, 403, 403, 403, 'ok', 403];
/** X suspended or refused: only its own people and N's staff still see it; only N's admins act. */
const standsInactive: Row = [401, 404, 404, 404, 403, 403, 'ok', 404];

async function putInStatus(db: Database, organisationId: string, status: OrganisationStatus) {
  await db.update(organisations).set({ status }).where(eq(organisations.id, organisationId));
}

/** The moderation routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const moderationMatrix: Record<string, Case[]> = {
  'POST /api/admin/organisations/:id/suspend': [
    {
      what: 'X, active',
      request: (s) => ({
        url: `/api/admin/organisations/${s.other.id}/suspend`,
        payload: { reason: 'Plusieurs prêts non rendus.' },
      }),
      expect: standsActive,
    },
  ],
  'POST /api/admin/organisations/:id/reinstate': [
    {
      what: 'X, suspended',
      request: async (s, _app, db) => {
        await putInStatus(db, s.other.id, 'suspended');
        return { url: `/api/admin/organisations/${s.other.id}/reinstate` };
      },
      expect: standsInactive,
    },
  ],
  'POST /api/admin/organisations/:id/reopen': [
    {
      what: 'X, refused',
      request: async (s, _app, db) => {
        await putInStatus(db, s.other.id, 'rejected');
        return { url: `/api/admin/organisations/${s.other.id}/reopen` };
      },
      expect: standsInactive,
    },
  ],
  'POST /api/admin/organisations/:id/request-changes': [
    {
      request: (s) => ({
        url: `/api/admin/organisations/${s.pending.id}/request-changes`,
        payload: { message: 'Ajoutez les statuts de l’association.' },
      }),
      expect: reviewsPending,
    },
  ],
};
