import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';
import { items } from '../db/schema/items.ts';
import { needs } from '../db/schema/needs.ts';
import { networkTerritories } from '../db/schema/networks.ts';
import { territories } from '../db/schema/territories.ts';

/** Written out in full: inside a sub-select, a bare column name would be read as the inner table's. */
const categoryIdColumn = sql.raw('"categories"."id"');
const usage = {
  itemCount: sql<number>`((select count(*) from ${items} i where i.category_id = ${categoryIdColumn}) + (select count(*) from ${needs} n where n.category_id = ${categoryIdColumn}))::int`,
  childCount: sql<number>`(select count(*) from ${categories} c where c.parent_id = ${categoryIdColumn})::int`,
};

/** The whole tree with positions and what uses each category, families first then their children. */
export async function selectAdminCategories(db: Database) {
  return db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      nameFr: categories.nameFr,
      nameEn: categories.nameEn,
      position: categories.position,
      ...usage,
    })
    .from(categories)
    .orderBy(
      sql`coalesce((select p.position from ${categories} p where p.id = ${categories.parentId}), ${categories.position})`,
      sql`coalesce(${categories.parentId}, ${categories.id})`,
      sql`${categories.parentId} is not null`,
      asc(categories.position),
      asc(categories.id),
    );
}

export async function selectCategoryForUpdate(db: Database, id: string) {
  const [row] = await db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      nameFr: categories.nameFr,
      nameEn: categories.nameEn,
      position: categories.position,
      ...usage,
    })
    .from(categories)
    .where(eq(categories.id, id))
    .for('update');
  return row;
}

export async function nextSiblingPosition(db: Database, parentId: string | null) {
  const [row] = await db
    .select({ next: sql<number>`(coalesce(max(${categories.position}), -1) + 1)::int` })
    .from(categories)
    .where(parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId));
  return row!.next;
}

export async function insertCategory(
  db: Database,
  category: { id: string; parentId: string | null; nameFr: string; nameEn: string; position: number },
) {
  const [row] = await db.insert(categories).values(category).onConflictDoNothing().returning({ id: categories.id });
  return row;
}

export async function updateCategory(
  db: Database,
  id: string,
  patch: Partial<{ nameFr: string; nameEn: string; position: number }>,
) {
  await db.update(categories).set(patch).where(eq(categories.id, id));
}

export async function deleteCategory(db: Database, id: string) {
  await db.delete(categories).where(eq(categories.id, id));
}

export async function selectNetworkTerritoryCodes(db: Database, networkId: string) {
  const rows = await db
    .select({ code: networkTerritories.territoryCode })
    .from(networkTerritories)
    .where(eq(networkTerritories.networkId, networkId))
    .orderBy(asc(networkTerritories.territoryCode));
  return rows.map((row) => row.code);
}

export async function selectKnownTerritoryCodes(db: Database, codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db.select({ code: territories.code }).from(territories).where(inArray(territories.code, codes));
  return new Set(rows.map((row) => row.code));
}

/** Replaces the network's départements with `codes`. */
export async function replaceNetworkTerritories(db: Database, networkId: string, codes: string[]) {
  await db.delete(networkTerritories).where(and(eq(networkTerritories.networkId, networkId)));
  if (codes.length > 0)
    await db.insert(networkTerritories).values(codes.map((territoryCode) => ({ networkId, territoryCode })));
}

/** Serialises two admins replacing the same network's départements. */
export async function lockNetworkTerritories(db: Database, networkId: string) {
  await db.execute(sql`select 1 from networks where id = ${networkId} for update`);
}
