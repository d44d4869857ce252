import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { memberships } from '../db/schema/memberships.ts';
import { charterReadings, networkCharters, networks } from '../db/schema/networks.ts';
import { organisationNetworks } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';

/**
 * The row of `network_charters` in the query is its network's newest version (the outer columns
 * written out in full: inside the sub-select a bare name would be the inner table's).
 */
const isCurrentVersion = sql`"network_charters"."version" = (select max(c.version) from ${networkCharters} c where c.network_id = "network_charters"."network_id")`;

export async function selectCurrentCharter(db: Database, networkId: string) {
  const [row] = await db
    .select()
    .from(networkCharters)
    .where(eq(networkCharters.networkId, networkId))
    .orderBy(desc(networkCharters.version))
    .limit(1);
  return row;
}

export async function selectCurrentCharters(db: Database, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .select({
      networkId: networkCharters.networkId,
      version: networkCharters.version,
      body: networkCharters.body,
      publishedAt: networkCharters.publishedAt,
    })
    .from(networkCharters)
    .where(and(inArray(networkCharters.networkId, networkIds), isCurrentVersion));
}

export async function selectNetworks(db: Database) {
  return db
    .select({
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
      description: networks.description,
      isDefault: networks.isDefault,
    })
    .from(networks)
    .orderBy(desc(networks.isDefault), asc(networks.name));
}

export async function selectNetworksByIds(db: Database, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db.select({ id: networks.id, name: networks.name }).from(networks).where(inArray(networks.id, networkIds));
}

export async function selectCharterVersions(db: Database, networkId: string) {
  return db
    .select({
      version: networkCharters.version,
      body: networkCharters.body,
      publishedAt: networkCharters.publishedAt,
      publishedById: networkCharters.publishedBy,
      publishedByName: users.name,
    })
    .from(networkCharters)
    .leftJoin(users, eq(users.id, networkCharters.publishedBy))
    .where(eq(networkCharters.networkId, networkId))
    .orderBy(desc(networkCharters.version));
}

/** Serialises publications of one network's charter: two admins publishing at once get n+1 and n+2. */
export async function lockNetwork(db: Database, networkId: string) {
  await db.execute(sql`select 1 from ${networks} where ${networks.id} = ${networkId} for update`);
}

export async function insertCharter(
  db: Database,
  charter: { networkId: string; version: number; body: string; publishedBy: string | null },
) {
  const [row] = await db.insert(networkCharters).values(charter).returning();
  return row!;
}

/**
 * The current charters of the networks of the person's structures (active memberships) that
 * they have not read: never, or an older version.
 */
export async function selectUnreadCharters(db: Database, userId: string) {
  return db
    .selectDistinct({
      networkId: networkCharters.networkId,
      networkName: networks.name,
      version: networkCharters.version,
      body: networkCharters.body,
      publishedAt: networkCharters.publishedAt,
      readVersion: charterReadings.version,
    })
    .from(memberships)
    .innerJoin(organisationNetworks, eq(organisationNetworks.organisationId, memberships.organisationId))
    .innerJoin(networkCharters, and(eq(networkCharters.networkId, organisationNetworks.networkId), isCurrentVersion))
    .innerJoin(networks, eq(networks.id, networkCharters.networkId))
    .leftJoin(
      charterReadings,
      and(eq(charterReadings.userId, memberships.userId), eq(charterReadings.networkId, networkCharters.networkId)),
    )
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.status, 'active'),
        or(isNull(charterReadings.version), lt(charterReadings.version, networkCharters.version)),
      ),
    )
    .orderBy(asc(networks.name));
}

/** Records that the person read `version` (never lowers a newer reading). */
export async function upsertReading(db: Database, reading: { userId: string; networkId: string; version: number }) {
  await db
    .insert(charterReadings)
    .values({ ...reading, readAt: new Date() })
    .onConflictDoUpdate({
      target: [charterReadings.userId, charterReadings.networkId],
      set: { version: sql`greatest(${charterReadings.version}, excluded.version)`, readAt: sql`excluded.read_at` },
    });
}

/**
 * The structure accepts `version` of the network's charter, by `userId`: on its membership of
 * the network, when it had accepted an older version or none.
 */
export async function recordAcceptance(
  db: Database,
  acceptance: { organisationIds: string[]; networkId: string; version: number; userId: string },
) {
  if (acceptance.organisationIds.length === 0) return [];
  const rows = await db
    .update(organisationNetworks)
    .set({ charterVersion: acceptance.version, charterAcceptedAt: new Date(), charterAcceptedBy: acceptance.userId })
    .where(
      and(
        inArray(organisationNetworks.organisationId, acceptance.organisationIds),
        eq(organisationNetworks.networkId, acceptance.networkId),
        or(isNull(organisationNetworks.charterVersion), lt(organisationNetworks.charterVersion, acceptance.version)),
      ),
    )
    .returning({ organisationId: organisationNetworks.organisationId });
  return rows.map((row) => row.organisationId);
}

/** The structures in `networkId` that `userId` manages (active membership). */
export async function selectManagedOrganisationsIn(db: Database, userId: string, networkId: string) {
  const rows = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .innerJoin(organisationNetworks, eq(organisationNetworks.organisationId, memberships.organisationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'manager'),
        eq(memberships.status, 'active'),
        eq(organisationNetworks.networkId, networkId),
      ),
    );
  return rows.map((row) => row.organisationId);
}

/** A new structure joins a network beyond the one it was created in. */
export async function insertOrganisationNetwork(db: Database, organisationId: string, networkId: string) {
  await db.insert(organisationNetworks).values({ organisationId, networkId }).onConflictDoNothing();
}

export async function networkExists(db: Database, networkId: string) {
  const [row] = await db.select({ id: networks.id }).from(networks).where(eq(networks.id, networkId));
  return Boolean(row);
}
