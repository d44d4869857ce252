import type { Case, Row } from '../access-matrix-kit.ts';

/** Any network's moderators and admins read their own inbox; a foreign admin reads M's, never N's. */
const networkStaff: Row = [401, 403, 403, 403, 403, 'ok', 'ok', 'ok'];
/** A loan between X and O, both of N: N's staff follow it up; M's admin may not know it exists. */
const staffOfItsNetwork: Row = [401, 403, 403, 403, 403, 'ok', 'ok', 404];

/** The inbox routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const inboxMatrix: Record<string, Case[]> = {
  'GET /api/admin/inbox': [{ request: () => ({ url: '/api/admin/inbox' }), expect: networkStaff }],
  'GET /api/admin/inbox/counts': [{ request: () => ({ url: '/api/admin/inbox/counts' }), expect: networkStaff }],
  'POST /api/admin/loans/:bookingId/follow-up': [
    {
      what: 'a loan of X from O, handed over',
      request: async (s) => ({
        url: `/api/admin/loans/${(await s.loans()).pickedUp}/follow-up`,
        payload: { reason: 'overdue', note: 'Appelé la structure : retour demain.' },
      }),
      expect: staffOfItsNetwork,
    },
  ],
};
