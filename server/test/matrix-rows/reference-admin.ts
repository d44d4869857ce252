import { categories } from '../../src/db/schema/categories.ts';
import type { Database } from '../../src/db/client.ts';
import { uniqueSuffix } from '../factories.ts';
import { type Case, networkAdmins } from '../access-matrix-kit.ts';
import { settingsOfN } from './charters.ts';

/** An unused category of its own, for one caller. */
async function makeCategory(db: Database) {
  const id = `matrice-${uniqueSuffix()}`;
  await db.insert(categories).values({ id, nameFr: 'Matrice', nameEn: 'Matrix' });
  return id;
}

/**
 * The reference-admin routes' rows of the authorisation matrix (src/access/matrix.api.test.ts).
 * Categories are the platform's: any network's admin manages them (`networkAdmins`).
 */
export const referenceAdminMatrix: Record<string, Case[]> = {
  'GET /api/admin/categories': [{ request: () => ({ url: '/api/admin/categories' }), expect: networkAdmins }],
  'POST /api/admin/categories': [
    {
      request: () => ({
        url: '/api/admin/categories',
        payload: { id: `matrice-${uniqueSuffix()}`, nameFr: 'Matrice', nameEn: 'Matrix' },
      }),
      expect: networkAdmins,
    },
  ],
  'PATCH /api/admin/categories/:id': [
    {
      request: async (_s, _app, db) => ({
        url: `/api/admin/categories/${await makeCategory(db)}`,
        payload: { nameFr: 'Matrice renommée' },
      }),
      expect: networkAdmins,
    },
  ],
  'DELETE /api/admin/categories/:id': [
    {
      request: async (_s, _app, db) => ({ url: `/api/admin/categories/${await makeCategory(db)}` }),
      expect: networkAdmins,
    },
  ],
  'GET /api/admin/networks/:id/territories': [
    { request: (s) => ({ url: `/api/admin/networks/${s.network.id}/territories` }), expect: settingsOfN },
  ],
  'PUT /api/admin/networks/:id/territories': [
    {
      request: (s) => ({ url: `/api/admin/networks/${s.network.id}/territories`, payload: { codes: ['59', '62'] } }),
      expect: settingsOfN,
    },
  ],
};
