import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';

/**
 * French full-text search on the `search` column (see the french_search migration): the query
 * goes through the same unaccent, plural folding and stemming as the documents.
 */
function textQuery(text: string): SQL {
  return sql`websearch_to_tsquery('mutua_french', mutua_search_text(${text}))`;
}

/**
 * The categories whose name (or whose family's name) the text matches: « outillage » finds every
 * tool. Asked apart, on the small categories table, so that the listing query stays a plain
 * index lookup (GIN on the text, b-tree on the category).
 */
export async function categoriesMatching(db: Database, text: string): Promise<string[]> {
  const family = alias(categories, 'family');
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .leftJoin(family, eq(family.id, categories.parentId))
    .where(
      or(
        sql`to_tsvector('mutua_french', mutua_search_text(${categories.nameFr})) @@ ${textQuery(text)}`,
        sql`to_tsvector('mutua_french', mutua_search_text(${family.nameFr})) @@ ${textQuery(text)}`,
      ),
    );
  return rows.map((row) => row.id);
}

/** Matches on title/description, or on one of the categories named by the text. */
export function matchesText(
  search: PgColumn,
  categoryId: PgColumn | null,
  text: string,
  namedCategories: string[],
): SQL {
  const query = sql`${search} @@ ${textQuery(text)}`;
  if (!categoryId || namedCategories.length === 0) return query;
  return or(query, inArray(categoryId, namedCategories))!;
}

/** Relevance: text rank, with a small bonus when the category itself was named. */
export function relevance(
  search: PgColumn,
  categoryId: PgColumn | null,
  text: string,
  namedCategories: string[],
): SQL<number> {
  const bonus =
    categoryId && namedCategories.length > 0
      ? sql` + case when ${inArray(categoryId, namedCategories)} then 0.05 else 0 end`
      : sql``;
  return sql<number>`(ts_rank(${search}, ${textQuery(text)})${bonus})::float8`;
}

/** The category and its sub-categories, for a category filter. */
export function inCategory(categoryId: PgColumn, category: string): SQL {
  return sql`${categoryId} in (select id from ${categories} where id = ${category} or parent_id = ${category})`;
}
