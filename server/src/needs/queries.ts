import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { items } from '../db/schema/items.ts';
import { needResponses, needs } from '../db/schema/needs.ts';
import { organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';
import { users } from '../db/schema/users.ts';

export type NeedRow = typeof needs.$inferSelect;
export type NewNeedRow = typeof needs.$inferInsert;

const ownerColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  city: organisations.city,
};
const responseCount = sql<number>`(select count(*)::int from ${needResponses} where ${needResponses.needId} = ${needs.id})`;

export const searchableNeeds = {
  id: needs.id,
  organisationId: needs.organisationId,
  visibility: needs.visibility,
  status: needs.status,
  search: needs.search,
  title: needs.title,
  territoryCode: needs.territoryCode,
  createdAt: needs.createdAt,
  categoryId: needs.categoryId,
  latitude: null,
  longitude: null,
};

export async function selectNeedSummaries(
  db: Database,
  plan: { where: SQL; orderBy: SQL[]; columns: { sortKey: SQL<string> } },
  limit: number,
) {
  return db
    .select({
      id: needs.id,
      kind: needs.kind,
      title: needs.title,
      excerpt: sql<string>`left(${needs.description}, 200)`,
      categoryId: needs.categoryId,
      serviceDomain: needs.serviceDomain,
      neededFrom: needs.neededFrom,
      neededUntil: needs.neededUntil,
      territoryCode: needs.territoryCode,
      status: needs.status,
      organisation: ownerColumns,
      responseCount,
      sortKey: plan.columns.sortKey,
      createdAt: needs.createdAt,
    })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(plan.where)
    .orderBy(...plan.orderBy)
    .limit(limit);
}

export async function selectNeed(db: Database, id: string) {
  const [row] = await db
    .select({ need: needs, organisation: { ...ownerColumns, status: organisations.status }, responseCount })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(eq(needs.id, id));
  return row;
}

/** Answers to a need, all of them or those of some structures only. */
export async function selectResponses(db: Database, needId: string, fromOrganisations: string[] | 'all') {
  if (fromOrganisations !== 'all' && fromOrganisations.length === 0) return [];
  const rows = await db
    .select({
      id: needResponses.id,
      organisation: { id: organisations.id, name: organisations.name },
      authorName: users.name,
      message: needResponses.message,
      itemId: items.id,
      itemTitle: items.title,
      serviceId: services.id,
      serviceTitle: services.title,
      createdAt: needResponses.createdAt,
    })
    .from(needResponses)
    .innerJoin(organisations, eq(organisations.id, needResponses.organisationId))
    .leftJoin(users, eq(users.id, needResponses.authorId))
    .leftJoin(items, eq(items.id, needResponses.itemId))
    .leftJoin(services, eq(services.id, needResponses.serviceId))
    .where(
      and(
        eq(needResponses.needId, needId),
        fromOrganisations === 'all' ? undefined : inArray(needResponses.organisationId, fromOrganisations),
      ),
    )
    .orderBy(desc(needResponses.createdAt));
  return rows.map((row) => ({
    id: row.id,
    organisation: row.organisation,
    author: { name: row.authorName ?? '' },
    message: row.message,
    item: row.itemId && row.itemTitle ? { id: row.itemId, title: row.itemTitle } : null,
    service: row.serviceId && row.serviceTitle ? { id: row.serviceId, title: row.serviceTitle } : null,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function insertNeed(db: Database, need: NewNeedRow) {
  const [row] = await db.insert(needs).values(need).returning({ id: needs.id });
  return row!;
}

export async function updateNeedRow(db: Database, id: string, changes: Partial<NewNeedRow>) {
  await db
    .update(needs)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(needs.id, id));
}

export async function deleteNeedRow(db: Database, id: string) {
  await db.delete(needs).where(eq(needs.id, id));
}

export async function insertResponse(db: Database, response: typeof needResponses.$inferInsert) {
  const [row] = await db.insert(needResponses).values(response).returning({ id: needResponses.id });
  return row!;
}
