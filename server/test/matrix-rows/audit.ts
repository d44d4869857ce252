import { type Case, networkAdmins } from '../access-matrix-kit.ts';

/** The audit routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const auditMatrix: Record<string, Case[]> = {
  // A foreign admin reads their own networks' journal, never N's (audit.api.test.ts).
  'GET /api/admin/audit': [{ request: () => ({ url: '/api/admin/audit' }), expect: networkAdmins }],
};
