import type { App } from '../../src/app.ts';
import type { AccessScene } from '../access-scene.ts';
import { type Case, type Row, signedIn } from '../access-matrix-kit.ts';

/** Reporting O's « réseaux » item: whoever sees it and acts for a structure; staff act for none (403). */
const reportsWhatTheySee: Row = [401, 404, 'ok', 'ok', 'ok', 403, 403, 404];
/** Lists across the caller's networks: N's moderation, and a foreign admin (their own, empty). */
const networkModeration: Row = [401, 403, 403, 403, 403, 'ok', 'ok', 'ok'];
/** X's report on O's item: its reporter knows it (403 on the moderators' screens), N's moderation handles it. */
const handlesReport: Row = [401, 404, 404, 404, 403, 'ok', 'ok', 404];
/** Suspending through a report is the admins' own. */
const suspendsThroughReport: Row = [401, 404, 404, 404, 403, 403, 'ok', 404];

/** X's member reports O's item: the report every handling row is about. */
async function reportByOther(scene: AccessScene, app: App): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: scene.headers.otherMember,
    payload: { targetType: 'item', targetId: scene.item.id, reasonCode: 'unsafe', text: 'Pieds cassés.' },
  });
  if (response.statusCode !== 201) throw new Error(`setup report failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** The reports routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const reportsMatrix: Record<string, Case[]> = {
  'POST /api/reports': [
    {
      what: 'O’s item',
      request: (s) => ({
        url: '/api/reports',
        payload: { targetType: 'item', targetId: s.item.id, reasonCode: 'misleading' },
      }),
      expect: reportsWhatTheySee,
    },
  ],
  'GET /api/me/reports': [{ request: () => ({ url: '/api/me/reports' }), expect: signedIn }],
  'GET /api/admin/reports': [{ request: () => ({ url: '/api/admin/reports' }), expect: networkModeration }],
  'GET /api/admin/reports/:id': [
    {
      request: async (s, app) => ({ url: `/api/admin/reports/${await reportByOther(s, app)}` }),
      expect: handlesReport,
    },
  ],
  'POST /api/admin/reports/:id/resolve': [
    {
      what: 'dismissed',
      request: async (s, app) => ({
        url: `/api/admin/reports/${await reportByOther(s, app)}/resolve`,
        payload: { outcome: 'dismissed', note: 'Vérifié : conforme.' },
      }),
      expect: handlesReport,
    },
    {
      what: 'suspended',
      request: async (s, app) => ({
        url: `/api/admin/reports/${await reportByOther(s, app)}/resolve`,
        payload: { outcome: 'suspended', note: 'Matériel dangereux.' },
      }),
      expect: suspendsThroughReport,
    },
  ],
};
