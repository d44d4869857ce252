import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { memberships } from '../db/schema/memberships.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import type { OrganisationKind, OrganisationStatus } from '../domain/organisations.ts';
import { locate } from '../reference/queries.ts';

const summaryColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  status: organisations.status,
  description: organisations.description,
  city: organisations.city,
  postcode: organisations.postcode,
  territoryCode: organisations.territoryCode,
  website: organisations.website,
  createdAt: organisations.createdAt,
};

export type OrganisationFilters = {
  statuses: OrganisationStatus[];
  q?: string;
  territory?: string;
  kind?: OrganisationKind;
  networkIds?: string[];
  /** Only this structure (the answer after an admin acted on it). */
  id?: string;
  after?: { name: string; id: string };
  limit: number;
};

export async function selectOrganisations(db: Database, filters: OrganisationFilters) {
  const conditions: SQL[] = [inArray(organisations.status, filters.statuses)];
  if (filters.q) {
    const pattern = `%${filters.q.trim().replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(
      sql`(unaccent(${organisations.name}) ilike unaccent(${pattern}) or unaccent(${organisations.city}) ilike unaccent(${pattern}))`,
    );
  }
  if (filters.territory) conditions.push(eq(organisations.territoryCode, filters.territory));
  if (filters.kind) conditions.push(eq(organisations.kind, filters.kind));
  if (filters.id) conditions.push(eq(organisations.id, filters.id));
  if (filters.networkIds) {
    conditions.push(
      inArray(
        organisations.id,
        db
          .select({ id: organisationNetworks.organisationId })
          .from(organisationNetworks)
          .where(inArray(organisationNetworks.networkId, filters.networkIds)),
      ),
    );
  }
  if (filters.after) {
    const { name, id } = filters.after;
    conditions.push(or(gt(organisations.name, name), and(eq(organisations.name, name), gt(organisations.id, id)))!);
  }
  const rows = await db
    .select(summaryColumns)
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(filters.limit);
  return withNetworks(db, rows);
}

export async function selectOrganisation(db: Database, id: string) {
  const [row] = await db
    .select({
      ...summaryColumns,
      address: organisations.address,
      contactEmail: organisations.contactEmail,
      phone: organisations.phone,
      latitude: organisations.latitude,
      longitude: organisations.longitude,
      rejectionReason: organisations.rejectionReason,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) return undefined;
  const [withNets] = await withNetworks(db, [row]);
  return withNets;
}

async function withNetworks<T extends { id: string; createdAt: Date }>(db: Database, rows: T[]) {
  if (rows.length === 0) return [];
  const links = await db
    .select({
      organisationId: organisationNetworks.organisationId,
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
    })
    .from(organisationNetworks)
    .innerJoin(networks, eq(networks.id, organisationNetworks.networkId))
    .where(
      inArray(
        organisationNetworks.organisationId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(networks.name);
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    networks: links.filter((link) => link.organisationId === row.id).map(({ id, slug, name }) => ({ id, slug, name })),
  }));
}

export async function updateOrganisationRow(
  db: Database,
  id: string,
  changes: Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning({ id: organisations.id });
  return row;
}

export async function selectMembers(db: Database, organisationId: string, includePending: boolean) {
  const rows = await db
    .select({
      user: { id: users.id, name: users.name, email: users.email },
      role: memberships.role,
      status: memberships.status,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        includePending ? undefined : eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(memberships.status), asc(users.name));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Locks the structure's row so that concurrent membership changes are applied one after the other. */
export async function lockOrganisation(db: Database, organisationId: string) {
  await db.execute(sql`select 1 from ${organisations} where ${organisations.id} = ${organisationId} for update`);
}

export async function selectMembership(db: Database, organisationId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row;
}

export async function countActiveManagers(db: Database, organisationId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'manager'),
        eq(memberships.status, 'active'),
      ),
    );
  return row?.count ?? 0;
}

export async function updateMembership(
  db: Database,
  organisationId: string,
  userId: string,
  changes: { role?: 'member' | 'manager'; status?: 'active' },
) {
  await db
    .update(memberships)
    .set(changes)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: Database, organisationId: string, userId: string) {
  await db
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function findNetwork(db: Database, networkId: string | undefined) {
  const [row] = await db
    .select({ id: networks.id })
    .from(networks)
    .where(networkId ? eq(networks.id, networkId) : eq(networks.isDefault, true));
  return row;
}

export type NewOrganisation = { name: string; kind: OrganisationKind; city: string; postcode: string };

export async function insertOrganisation(db: Database, organisation: NewOrganisation, networkId: string) {
  const location = await locate(db, organisation.city, organisation.postcode);
  const [row] = await db
    .insert(organisations)
    .values({ ...organisation, name: organisation.name.trim(), ...location })
    .onConflictDoNothing()
    .returning({ id: organisations.id });
  if (row) await db.insert(organisationNetworks).values({ organisationId: row.id, networkId });
  return row;
}

export async function insertMembership(
  db: Database,
  membership: { userId: string; organisationId: string; role: 'member' | 'manager'; status: 'pending' | 'active' },
) {
  await db.insert(memberships).values(membership);
}

export async function findJoinableOrganisation(db: Database, organisationId: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), sql`${organisations.status} in ('pending', 'active')`));
  return row;
}
