import { and, count, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { memberships, networkRoles } from '../db/schema/memberships.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { sessions, users } from '../db/schema/users.ts';

const structuresOf = (networkIds: string[]) =>
  sql`(select ${organisationNetworks.organisationId} from ${organisationNetworks} where ${inArray(organisationNetworks.networkId, networkIds)})`;

/** People who belong to a structure of these networks (a request to join included), by name. */
export async function selectPeople(
  db: Database,
  filters: { networkIds: string[]; q?: string; after?: { name: string; id: string }; limit: number },
) {
  if (filters.networkIds.length === 0) return [];
  const conditions: (SQL | undefined)[] = [
    sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.organisationId} in ${structuresOf(filters.networkIds)})`,
    filters.after ? sql`(${users.name}, ${users.id}) > (${filters.after.name}, ${filters.after.id}::uuid)` : undefined,
  ];
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(
      or(
        sql`unaccent(${users.name}) ilike unaccent(${pattern})`,
        sql`unaccent(${users.email}) ilike unaccent(${pattern})`,
      ),
    );
  }
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      suspendedAt: users.suspendedAt,
      suspensionReason: users.suspensionReason,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(users.name, users.id)
    .limit(filters.limit);
}

/** Their structures and roles within these networks only: another network's are not ours to show. */
export async function selectAffiliations(db: Database, userIds: string[], networkIds: string[]) {
  if (userIds.length === 0 || networkIds.length === 0) return { structures: [], roles: [] };
  const [structures, roles] = await Promise.all([
    db
      .select({
        userId: memberships.userId,
        id: organisations.id,
        name: organisations.name,
        role: memberships.role,
        status: memberships.status,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(inArray(memberships.userId, userIds), sql`${memberships.organisationId} in ${structuresOf(networkIds)}`),
      )
      .orderBy(organisations.name),
    db
      .select({
        userId: networkRoles.userId,
        networkId: networks.id,
        networkName: networks.name,
        role: networkRoles.role,
      })
      .from(networkRoles)
      .innerJoin(networks, eq(networks.id, networkRoles.networkId))
      .where(and(inArray(networkRoles.userId, userIds), inArray(networkRoles.networkId, networkIds)))
      .orderBy(networks.name),
  ]);
  return { structures, roles };
}

export async function selectPerson(db: Database, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      suspendedAt: users.suspendedAt,
      suspensionReason: users.suspensionReason,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** Compare-and-set: only a person not yet suspended is suspended, so two admins clicking at once act once. */
export async function markSuspended(db: Database, userId: string, reason: string) {
  const [row] = await db
    .update(users)
    .set({ suspendedAt: sql`now()`, suspensionReason: reason })
    .where(and(eq(users.id, userId), isNull(users.suspendedAt)))
    .returning({ suspendedAt: users.suspendedAt });
  return row;
}

export async function clearSuspension(db: Database, userId: string) {
  const [before] = await db
    .select({ suspendedAt: users.suspendedAt, reason: users.suspensionReason })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.suspendedAt)))
    .for('update');
  if (!before) return undefined;
  await db.update(users).set({ suspendedAt: null, suspensionReason: null }).where(eq(users.id, userId));
  return before;
}

export async function deleteSessionsOf(db: Database, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Whether the person is an admin of one of these networks. */
export async function isAdminOfAny(db: Database, userId: string, networkIds: string[]) {
  if (networkIds.length === 0) return false;
  const [row] = await db
    .select({ count: count() })
    .from(networkRoles)
    .where(
      and(eq(networkRoles.userId, userId), eq(networkRoles.role, 'admin'), inArray(networkRoles.networkId, networkIds)),
    );
  return (row?.count ?? 0) > 0;
}

/** The loans the person asked for that were accepted and not yet returned: a suspension leaves them open. */
export async function countOpenLoansRequestedBy(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ open: count() })
    .from(bookings)
    .where(and(eq(bookings.requestedBy, userId), inArray(bookings.status, ['accepted', 'picked_up'])));
  return row?.open ?? 0;
}
