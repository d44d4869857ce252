import { type Case, type Row, signedIn } from '../access-matrix-kit.ts';
import { testPassword } from '../factories.ts';

/**
 * A person's data, asked of the admins: the member of O they concern sees themselves (403: the
 * permission is the admins'), N's moderator sees them (403), N's admin acts; anyone else may not
 * know the person exists (404), a foreign admin included.
 */
const handlesPersonalData: Row = [401, 404, 403, 404, 404, 403, 'ok', 404];

/** The privacy routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const privacyMatrix: Record<string, Case[]> = {
  'GET /api/me/export': [{ request: () => ({ url: '/api/me/export' }), expect: signedIn }],
  'DELETE /api/me': [
    {
      what: 'with the right password, nothing open to answer for',
      request: () => ({ url: '/api/me', payload: { password: testPassword } }),
      expect: signedIn,
    },
  ],
  'GET /api/admin/users/:id/export': [
    {
      what: 'a member of O',
      request: (s) => ({ url: `/api/admin/users/${s.people.ownerMember.id}/export` }),
      expect: handlesPersonalData,
    },
  ],
  'DELETE /api/admin/users/:id': [
    {
      what: 'a member of O',
      request: (s) => ({
        url: `/api/admin/users/${s.people.ownerMember.id}`,
        payload: { note: 'Demande reçue par courrier le 1er décembre.' },
      }),
      expect: handlesPersonalData,
    },
  ],
};
