import { type Case, networkAdmins, type Row } from '../access-matrix-kit.ts';

/** N's own settings: anyone may know N exists, so every refusal after sign-in is a 403; only N's admins act. */
const adminsOfN: Row = [401, 403, 403, 403, 403, 403, 'ok', 403];

/** The network-settings routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const networkSettingsMatrix: Record<string, Case[]> = {
  // A foreign admin lists M, never N (network-settings.api.test.ts).
  'GET /api/admin/networks': [{ request: () => ({ url: '/api/admin/networks' }), expect: networkAdmins }],
  'GET /api/admin/networks/:id': [
    { request: (s) => ({ url: `/api/admin/networks/${s.network.id}` }), expect: adminsOfN },
  ],
  'PATCH /api/admin/networks/:id': [
    {
      request: (s) => ({ url: `/api/admin/networks/${s.network.id}`, payload: { overdueDaysBeforeInbox: 5 } }),
      expect: adminsOfN,
    },
  ],
  'POST /api/admin/networks/:id/moderators': [
    {
      what: 'the person asking to join O',
      request: (s) => ({ url: `/api/admin/networks/${s.network.id}/moderators`, payload: { email: s.joiner.email } }),
      expect: adminsOfN,
    },
  ],
  'DELETE /api/admin/networks/:id/moderators/:userId': [
    {
      what: 'N’s moderator',
      request: (s) => ({ url: `/api/admin/networks/${s.network.id}/moderators/${s.people.moderator.id}` }),
      expect: adminsOfN,
    },
  ],
};
