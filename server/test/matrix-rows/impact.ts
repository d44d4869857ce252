import type { Case, Row } from '../access-matrix-kit.ts';

/** N's dashboard and method: anyone may know N exists, so every refusal after sign-in is a 403; only N's admins read and change them. */
const adminsOfN: Row = [401, 403, 403, 403, 403, 403, 'ok', 403];

/** The impact routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const impactMatrix: Record<string, Case[]> = {
  'GET /api/admin/impact': [
    { what: 'JSON', request: (s) => ({ url: `/api/admin/impact?networkId=${s.network.id}` }), expect: adminsOfN },
    {
      what: 'CSV',
      request: (s) => ({ url: `/api/admin/impact?networkId=${s.network.id}&format=csv&table=reciprocity` }),
      expect: adminsOfN,
    },
  ],
  'GET /api/admin/impact/method': [
    { request: (s) => ({ url: `/api/admin/impact/method?networkId=${s.network.id}` }), expect: adminsOfN },
  ],
  'PATCH /api/admin/impact/method': [
    {
      request: (s) => ({
        url: '/api/admin/impact/method',
        payload: { networkId: s.network.id, substitutionRatePercent: 40 },
      }),
      expect: adminsOfN,
    },
  ],
  'PUT /api/admin/impact/factors': [
    {
      request: (s) => ({
        url: '/api/admin/impact/factors',
        payload: {
          networkId: s.network.id,
          categoryId: 'tonnelles',
          kgCo2ePerItem: 45.5,
          source: 'Estimation du réseau',
          estimated: true,
        },
      }),
      expect: adminsOfN,
    },
  ],
};
