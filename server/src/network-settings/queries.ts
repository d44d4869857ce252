import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { networkRoles } from '../db/schema/memberships.ts';
import { networks } from '../db/schema/networks.ts';
import { users } from '../db/schema/users.ts';
import type { ListingReviewPolicy } from '../domain/networks.ts';

const settingsColumns = {
  id: networks.id,
  name: networks.name,
  slug: networks.slug,
  listingReview: networks.listingReview,
  overdueDaysBeforeInbox: networks.overdueDaysBeforeInbox,
};

export async function selectNetworks(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(settingsColumns).from(networks).where(inArray(networks.id, ids)).orderBy(asc(networks.name));
}

export async function selectStaff(db: Database, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return (
    db
      .select({
        networkId: networkRoles.networkId,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: networkRoles.role,
      })
      .from(networkRoles)
      .innerJoin(users, eq(users.id, networkRoles.userId))
      .where(inArray(networkRoles.networkId, networkIds))
      // admin before moderator (the enum's order), then by name.
      .orderBy(asc(networkRoles.role), asc(users.name))
  );
}

/** The settings as they were, locked until the change commits, so that the audit's « before » is true. */
export async function selectSettingsForUpdate(db: Database, networkId: string) {
  const [row] = await db
    .select({ listingReview: networks.listingReview, overdueDaysBeforeInbox: networks.overdueDaysBeforeInbox })
    .from(networks)
    .where(eq(networks.id, networkId))
    .for('update');
  return row;
}

export async function updateSettings(
  db: Database,
  networkId: string,
  changes: { listingReview?: ListingReviewPolicy; overdueDaysBeforeInbox?: number },
) {
  await db.update(networks).set(changes).where(eq(networks.id, networkId));
}

export async function findUserIdByEmail(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

export async function selectRole(db: Database, networkId: string, userId: string) {
  const [row] = await db
    .select({ role: networkRoles.role })
    .from(networkRoles)
    .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.userId, userId)));
  return row?.role;
}

/** Answers whether the role was written: a person who already has one keeps it. */
export async function insertModerator(db: Database, networkId: string, userId: string) {
  const written = await db
    .insert(networkRoles)
    .values({ networkId, userId, role: 'moderator' })
    .onConflictDoNothing()
    .returning({ userId: networkRoles.userId });
  return written.length > 0;
}

/** Removes the person's moderator role (never an admin's); answers whether there was one. */
export async function deleteModerator(db: Database, networkId: string, userId: string) {
  const deleted = await db
    .delete(networkRoles)
    .where(
      and(
        eq(networkRoles.networkId, networkId),
        eq(networkRoles.userId, userId),
        sql`${networkRoles.role} = 'moderator'`,
      ),
    )
    .returning({ userId: networkRoles.userId });
  return deleted.length > 0;
}
