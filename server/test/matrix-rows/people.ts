import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/users.ts';
import { type Case, networkAdmins, type Row } from '../access-matrix-kit.ts';

/**
 * The person asking to join O (no session of theirs in the matrix): N's staff know them, so a
 * moderator is refused with a 403; anyone else may not know they exist.
 */
const aPersonOfN: Row = [401, 404, 404, 404, 404, 403, 'ok', 404];

/** The people routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const peopleMatrix: Record<string, Case[]> = {
  // A foreign admin lists the people of M's structures, never N's (people.api.test.ts).
  'GET /api/admin/users': [{ request: () => ({ url: '/api/admin/users' }), expect: networkAdmins }],
  'POST /api/admin/users/:id/suspend': [
    {
      what: 'the person asking to join O',
      request: (s) => ({
        url: `/api/admin/users/${s.joiner.id}/suspend`,
        payload: { reason: 'Messages insultants à plusieurs structures.' },
      }),
      expect: aPersonOfN,
    },
  ],
  'POST /api/admin/users/:id/reinstate': [
    {
      what: 'the person asking to join O, suspended',
      request: async (s, _app, db) => {
        await db
          .update(users)
          .set({ suspendedAt: new Date(), suspensionReason: 'Pour le test.' })
          .where(eq(users.id, s.joiner.id));
        return { url: `/api/admin/users/${s.joiner.id}/reinstate` };
      },
      expect: aPersonOfN,
    },
  ],
};
