import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';

/**
 * Who sees a listing. "networks" listings are for the approved structures of the owner's
 * networks (and their admins); "all" listings for everyone. Only published listings of active
 * structures are ever found in search.
 */
export type Viewer = { networkIds: string[] };

const anonymousViewer: Viewer = { networkIds: [] };

export async function viewerOf(db: Database, actor: Actor | null): Promise<Viewer> {
  if (!actor) return anonymousViewer;
  const tradingOrganisationIds = actor.memberships
    .filter((m) => m.status === 'active' && m.organisation.status === 'active')
    .map((m) => m.organisation.id);
  const memberNetworks = tradingOrganisationIds.length
    ? await db
        .selectDistinct({ networkId: organisationNetworks.networkId })
        .from(organisationNetworks)
        .where(inArray(organisationNetworks.organisationId, tradingOrganisationIds))
    : [];
  const networkIds = new Set([
    ...memberNetworks.map((n) => n.networkId),
    ...actor.networkRoles.map((r) => r.network.id),
  ]);
  return { networkIds: [...networkIds] };
}

type ListingColumns = { organisationId: PgColumn; visibility: PgColumn; status: PgColumn };

/** The listing is published, its structure active, and the viewer may see it. */
export function findableBy(viewer: Viewer, listing: ListingColumns): SQL {
  return and(eq(listing.status, 'published'), ownerIsActive(listing), visibleTo(viewer, listing))!;
}

export function ownerIsActive(listing: { organisationId: PgColumn }): SQL {
  return sql`exists (select 1 from ${organisations} where ${organisations.id} = ${listing.organisationId} and ${organisations.status} = 'active')`;
}

export function visibleTo(viewer: Viewer, listing: Pick<ListingColumns, 'organisationId' | 'visibility'>): SQL {
  if (viewer.networkIds.length === 0) return eq(listing.visibility, 'all');
  return or(
    eq(listing.visibility, 'all'),
    sql`exists (select 1 from ${organisationNetworks} where ${organisationNetworks.organisationId} = ${listing.organisationId} and ${inArray(organisationNetworks.networkId, viewer.networkIds)})`,
  )!;
}
