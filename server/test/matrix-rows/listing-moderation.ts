import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { items } from '../../src/db/schema/items.ts';
import type { ListingStatus } from '../../src/domain/catalogue.ts';
import type { Case, Row } from '../access-matrix-kit.ts';

/** N's moderation lists its listings; any staff gets its own networks' list (a foreign admin, theirs). */
const networkModeration: Row = [401, 403, 403, 403, 403, 'ok', 'ok', 'ok'];
/** O's published « réseaux » listing: X sees it (403), a pending structure and a foreign admin do not (404). */
const moderatesPublished: Row = [401, 404, 403, 403, 403, 'ok', 'ok', 404];
/** O's listing out of the catalogue (waiting, hidden): only O's people (403) and N's moderation see it. */
const moderatesUnlisted: Row = [401, 404, 403, 403, 404, 'ok', 'ok', 404];

async function putInStatus(db: Database, itemId: string, status: ListingStatus) {
  await db.update(items).set({ status }).where(eq(items.id, itemId));
}

/** The listing-moderation routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const listingModerationMatrix: Record<string, Case[]> = {
  'GET /api/admin/listings': [
    { request: () => ({ url: '/api/admin/listings?status=pending_review' }), expect: networkModeration },
  ],
  'POST /api/admin/listings/:type/:id/approve': [
    {
      what: 'an item waiting for review',
      request: async (s, _app, db) => {
        await putInStatus(db, s.spareItem.id, 'pending_review');
        return { url: `/api/admin/listings/items/${s.spareItem.id}/approve`, payload: {} };
      },
      expect: moderatesUnlisted,
    },
  ],
  'POST /api/admin/listings/:type/:id/request-changes': [
    {
      what: 'an item waiting for review',
      request: async (s, _app, db) => {
        await putInStatus(db, s.spareItem.id, 'pending_review');
        return {
          url: `/api/admin/listings/items/${s.spareItem.id}/request-changes`,
          payload: { message: 'Ajoutez une photo.' },
        };
      },
      expect: moderatesUnlisted,
    },
  ],
  'POST /api/admin/listings/:type/:id/hide': [
    {
      what: 'a published item',
      request: (s) => ({ url: `/api/admin/listings/items/${s.item.id}/hide`, payload: { reason: 'Hors charte.' } }),
      expect: moderatesPublished,
    },
    {
      what: 'a published service',
      request: (s) => ({
        url: `/api/admin/listings/services/${s.service.id}/hide`,
        payload: { reason: 'Hors charte.' },
      }),
      expect: moderatesPublished,
    },
  ],
  'POST /api/admin/listings/:type/:id/unhide': [
    {
      what: 'a hidden item',
      request: async (s, _app, db) => {
        await putInStatus(db, s.spareItem.id, 'hidden');
        return { url: `/api/admin/listings/items/${s.spareItem.id}/unhide`, payload: {} };
      },
      expect: moderatesUnlisted,
    },
  ],
  'POST /api/admin/listings/:type/:id/archive': [
    {
      what: 'a published item',
      request: (s) => ({ url: `/api/admin/listings/items/${s.item.id}/archive`, payload: { reason: 'Doublon.' } }),
      expect: moderatesPublished,
    },
  ],
};
