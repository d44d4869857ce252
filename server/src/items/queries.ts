import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookingLines } from '../db/schema/bookings.ts';
import { categories } from '../db/schema/categories.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';

export type ItemRow = typeof items.$inferSelect;
export type NewItemRow = typeof items.$inferInsert;

const ownerColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  city: organisations.city,
};
const categoryColumns = { id: categories.id, name: categories.nameFr, parentId: categories.parentId };

/** The search columns items offer to listings/search.ts. */
export const searchableItems = {
  id: items.id,
  organisationId: items.organisationId,
  visibility: items.visibility,
  status: items.status,
  search: items.search,
  title: items.title,
  territoryCode: items.territoryCode,
  createdAt: items.createdAt,
  categoryId: items.categoryId,
  latitude: items.latitude,
  longitude: items.longitude,
};

export async function selectItemSummaries(
  db: Database,
  plan: { where: SQL; orderBy: SQL[]; columns: { distanceKm: SQL<number | null>; sortKey: SQL<string> } },
  limit: number,
) {
  return db
    .select({
      id: items.id,
      title: items.title,
      excerpt: sql<string>`left(${items.description}, 200)`,
      category: categoryColumns,
      quantity: items.quantity,
      condition: items.condition,
      fee: items.fee,
      feeCents: items.feeCents,
      depositCents: items.depositCents,
      city: items.pickupCity,
      postcode: items.pickupPostcode,
      territoryCode: items.territoryCode,
      latitude: items.latitude,
      longitude: items.longitude,
      status: items.status,
      visibility: items.visibility,
      organisation: ownerColumns,
      distanceKm: plan.columns.distanceKm,
      sortKey: plan.columns.sortKey,
      createdAt: items.createdAt,
    })
    .from(items)
    .innerJoin(organisations, eq(organisations.id, items.organisationId))
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .where(plan.where)
    .orderBy(...plan.orderBy)
    .limit(limit);
}

export async function selectItem(db: Database, id: string) {
  const [row] = await db
    .select({ item: items, organisation: { ...ownerColumns, status: organisations.status }, category: categoryColumns })
    .from(items)
    .innerJoin(organisations, eq(organisations.id, items.organisationId))
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .where(eq(items.id, id));
  return row;
}

export async function insertItem(db: Database, item: NewItemRow) {
  const [row] = await db.insert(items).values(item).returning({ id: items.id });
  return row!;
}

export async function updateItemRow(db: Database, id: string, changes: Partial<NewItemRow>) {
  await db
    .update(items)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(items.id, id));
}

export async function deleteItemRow(db: Database, id: string) {
  await db.delete(items).where(eq(items.id, id));
}

/**
 * The item's status and whether any loan, in any status, names it; locks the item first, so
 * that a request made meanwhile waits (its foreign key check) and then finds it archived or gone.
 */
export async function lockItemForRemoval(db: Database, id: string) {
  const [item] = await db.select({ status: items.status }).from(items).where(eq(items.id, id)).for('update');
  if (!item) return undefined;
  const [line] = await db
    .select({ id: bookingLines.id })
    .from(bookingLines)
    .where(eq(bookingLines.itemId, id))
    .limit(1);
  return { status: item.status, hasLoans: Boolean(line) };
}
