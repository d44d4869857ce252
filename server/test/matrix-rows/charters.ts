import { networkCharters } from '../../src/db/schema/networks.ts';
import type { Database } from '../../src/db/client.ts';
import { type Case, everyone, type Row, signedIn } from '../access-matrix-kit.ts';

/**
 * N's settings: only N's admins; everyone signed in knows N exists (the sign-up page lists the
 * networks), so a foreign admin is refused with 403, not 404.
 */
export const settingsOfN: Row = [401, 403, 403, 403, 403, 403, 'ok', 403];

/** N has version 1 of its charter (once, however many callers ask). */
async function withCharter(db: Database, networkId: string) {
  await db
    .insert(networkCharters)
    .values({ networkId, version: 1, body: 'Nos quatre principes.' })
    .onConflictDoNothing();
}

/** The charters routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const chartersMatrix: Record<string, Case[]> = {
  'GET /api/charters': [{ request: () => ({ url: '/api/charters' }), expect: everyone }],
  'GET /api/networks/:id/charter': [
    {
      request: async (s, _app, db) => {
        await withCharter(db, s.network.id);
        return { url: `/api/networks/${s.network.id}/charter` };
      },
      expect: everyone,
    },
  ],
  'GET /api/admin/networks/:id/charters': [
    { request: (s) => ({ url: `/api/admin/networks/${s.network.id}/charters` }), expect: settingsOfN },
  ],
  'POST /api/admin/networks/:id/charters': [
    {
      request: (s) => ({
        url: `/api/admin/networks/${s.network.id}/charters`,
        payload: { body: 'Utilité sociale, ancrage territorial, gouvernance démocratique, lucrativité limitée.' },
      }),
      expect: settingsOfN,
    },
  ],
  'GET /api/me/charters': [{ request: () => ({ url: '/api/me/charters' }), expect: signedIn }],
  'POST /api/me/charters/:networkId/read': [
    {
      what: 'the current version of N’s charter (anyone may read a public text)',
      request: async (s, _app, db) => {
        await withCharter(db, s.network.id);
        return { url: `/api/me/charters/${s.network.id}/read`, payload: { version: 1 } };
      },
      expect: signedIn,
    },
  ],
};
