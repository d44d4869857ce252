import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { items } from '../db/schema/items.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';
import type { ListingStatus } from '../domain/catalogue.ts';
import type { ModeratedListingType } from './schemas.ts';

const tableOf = (type: ModeratedListingType) => (type === 'item' ? items : services);

export type ModerationFilters = {
  networkIds: string[];
  status: ListingStatus;
  type?: ModeratedListingType;
  q?: string;
  id?: string;
  /** Keyset: [createdAt as written by `createdKey`, id], in the list's order. */
  after?: [string, string];
  ascending: boolean;
  limit: number;
};

/**
 * Listings of the structures of these networks in one status, items and services together,
 * ordered by creation then id: each table gives its first `limit` after the cursor, and the
 * merge keeps the first `limit` of both, so the keyset holds across the two.
 */
export async function selectModerationListings(db: Database, filters: ModerationFilters) {
  const types: ModeratedListingType[] = filters.type ? [filters.type] : ['item', 'service'];
  const rows = (await Promise.all(types.map((type) => selectOfType(db, type, filters)))).flat();
  const sign = filters.ascending ? 1 : -1;
  rows.sort((a, b) => sign * (a.createdKey.localeCompare(b.createdKey) || a.id.localeCompare(b.id)));
  const page = rows.slice(0, filters.limit);
  return { page, more: rows.length > filters.limit };
}

async function selectOfType(db: Database, type: ModeratedListingType, filters: ModerationFilters) {
  const table = tableOf(type);
  const createdKey = sql<string>`to_char(${table.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const conditions: (SQL | undefined)[] = [
    eq(table.status, filters.status),
    sql`exists (select 1 from ${organisationNetworks} where ${organisationNetworks.organisationId} = ${table.organisationId} and ${inArray(organisationNetworks.networkId, filters.networkIds)})`,
    filters.id ? eq(table.id, filters.id) : undefined,
  ];
  if (filters.q) {
    const pattern = `%${filters.q.trim().replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(
      or(
        sql`unaccent(${table.title}) ilike unaccent(${pattern})`,
        sql`unaccent(${organisations.name}) ilike unaccent(${pattern})`,
      ),
    );
  }
  if (filters.after) {
    const [createdAt, id] = filters.after;
    const beyond = filters.ascending ? sql`>` : sql`<`;
    conditions.push(
      sql`(${table.createdAt} ${beyond} ${createdAt}::timestamptz or (${table.createdAt} = ${createdAt}::timestamptz and ${table.id} ${beyond} ${id}::uuid))`,
    );
  }
  const order = filters.ascending ? asc : desc;
  const rows = await db
    .select({
      id: table.id,
      title: table.title,
      description: sql<string>`left(${table.description}, 300)`,
      status: table.status,
      category: type === 'item' ? items.categoryId : sql<string>`${services.domain}::text`,
      createdAt: table.createdAt,
      updatedAt: table.updatedAt,
      createdKey,
      structure: { id: organisations.id, name: organisations.name, status: organisations.status },
    })
    .from(table)
    .innerJoin(organisations, eq(organisations.id, table.organisationId))
    .where(and(...conditions))
    .orderBy(order(table.createdAt), order(table.id))
    .limit(filters.limit + 1);
  return rows.map((row) => ({ ...row, type }));
}

/** The caller's networks each structure belongs to, by structure id. */
export async function selectNetworksOf(db: Database, organisationIds: string[], networkIds: string[]) {
  if (organisationIds.length === 0) return new Map<string, Array<{ id: string; name: string }>>();
  const rows = await db
    .select({ organisationId: organisationNetworks.organisationId, id: networks.id, name: networks.name })
    .from(organisationNetworks)
    .innerJoin(networks, eq(networks.id, organisationNetworks.networkId))
    .where(and(inArray(organisationNetworks.organisationId, organisationIds), inArray(networks.id, networkIds)))
    .orderBy(asc(networks.name));
  const byOrganisation = new Map<string, Array<{ id: string; name: string }>>();
  for (const { organisationId, id, name } of rows) {
    byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), { id, name }]);
  }
  return byOrganisation;
}

/** A listing's status and owner, its row locked until the transaction ends: two moderators queue. */
export async function lockListing(db: Database, type: ModeratedListingType, id: string) {
  const table = tableOf(type);
  const [row] = await db
    .select({ status: table.status, organisationId: table.organisationId })
    .from(table)
    .where(eq(table.id, id))
    .for('update');
  return row;
}

/** Compare-and-set: the listing moves only from the status it was read in. */
export async function moveListingStatus(
  db: Database,
  type: ModeratedListingType,
  id: string,
  from: ListingStatus,
  to: ListingStatus,
) {
  const table = tableOf(type);
  const [row] = await db
    .update(table)
    .set({ status: to, updatedAt: sql`now()` })
    .where(and(eq(table.id, id), eq(table.status, from)))
    .returning({ id: table.id });
  return Boolean(row);
}
