import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { categories } from '../db/schema/categories.ts';

/**
 * French full-text search on the `search` column (see the french_search migration): the query
 * goes through the same unaccent, plural folding and stemming as the documents.
 */
export function textQuery(text: string): SQL {
  return sql`websearch_to_tsquery('mutua_french', mutua_search_text(${text}))`;
}

/** Matches on title/description, or on the name of the category (or of its family). */
export function matchesText(search: PgColumn, categoryId: PgColumn | null, text: string): SQL {
  const query = textQuery(text);
  if (!categoryId) return sql`${search} @@ ${query}`;
  return sql`(${search} @@ ${query} or ${categoryId} in (${categoriesNamed(query)}))`;
}

function categoriesNamed(query: SQL): SQL {
  return sql`select c.id from ${categories} c left join ${categories} p on p.id = c.parent_id
    where to_tsvector('mutua_french', mutua_search_text(c.name_fr)) @@ ${query}
       or to_tsvector('mutua_french', mutua_search_text(p.name_fr)) @@ ${query}`;
}

/** Relevance: text rank, with a small bonus when the category itself matches. */
export function relevance(search: PgColumn, categoryId: PgColumn | null, text: string): SQL<number> {
  const query = textQuery(text);
  const categoryBonus = categoryId ? sql` + case when ${categoryId} in (${categoriesNamed(query)}) then 0.05 else 0 end` : sql``;
  return sql<number>`(ts_rank(${search}, ${query})${categoryBonus})::float8`;
}

/** The category and its sub-categories, for a category filter. */
export function inCategory(categoryId: PgColumn, category: string): SQL {
  return sql`${categoryId} in (select id from ${categories} where id = ${category} or parent_id = ${category})`;
}
