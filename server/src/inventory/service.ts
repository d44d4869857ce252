import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { items } from '../db/schema/items.ts';
import { services } from '../db/schema/services.ts';
import { selectItemSummaries } from '../items/queries.ts';
import { presentItemSummaries } from '../items/service.ts';
import { selectServiceSummaries } from '../service-offers/queries.ts';
import { presentServiceSummaries } from '../service-offers/service.ts';

const inventoryLimit = 1000;

/** A structure's own items and services in every status (drafts, archived…), newest first, for its people only. */
export async function listInventory(db: Database, actor: Actor, organisationId: string) {
  await requireAccess(db, actor, 'listing.view_unpublished', { organisation: organisationId });
  const columns = { distanceKm: sql<null>`null::float8`, sortKey: sql<string>`''` };
  const [itemRows, serviceRows] = await Promise.all([
    selectItemSummaries(
      db,
      { where: eq(items.organisationId, organisationId), orderBy: [desc(items.createdAt)], columns },
      inventoryLimit,
    ),
    selectServiceSummaries(
      db,
      { where: eq(services.organisationId, organisationId), orderBy: [desc(services.createdAt)], columns },
      inventoryLimit,
    ),
  ]);
  return { items: await presentItemSummaries(db, itemRows), services: await presentServiceSummaries(db, serviceRows) };
}
