import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Database, rowsOf } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';

/**
 * Search that forgives. The text is cut into words; each word must be found in a listing, in one
 * of two ways:
 * - by the French full-text index (`search`: unaccented, plurals folded, stemmed), as a prefix, so
 *   that « sono » finds « Sonorisation » while it is being typed;
 * - by trigrams of the folded title (`mutua_fold`, forgiving_search migration), so that
 *   « projecteur » finds « Vidéoprojecteur » and « tonelle » finds « Tonnelle ».
 * Ranking puts a title holding every word as typed above a stemmed match, above a prefix match,
 * above a trigram-only match (see `relevance`).
 */
export type AnalysedText = {
  words: AnalysedWord[];
  /** The categories whose name (or whose family's name) the text names: « outillage » finds every tool. */
  namedCategories: string[];
};

type AnalysedWord = {
  /** Lower case, unaccented, plural folded: compared with `mutua_fold(title)`. */
  folded: string;
  /** The word's stemmed lexeme as a prefix (`'sono':*`), as PostgreSQL printed it. */
  prefixQuery: string;
  /** The word's stemmed lexeme (`'sono'`). */
  stemQuery: string;
};

/** A query is cut at anything but letters and digits; single letters (l', d') carry no meaning. */
const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;
/** Shorter words are matched by prefix only: their trigrams would match almost any title. */
const MIN_FUZZY_LENGTH = 4;

export function wordsOf(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
    .map((word) => word.slice(0, MAX_WORD_LENGTH))
    .slice(0, MAX_WORDS);
}

/**
 * Asks PostgreSQL once for each word's folded form and lexemes (stop words such as « de » have
 * none and are dropped), and for the categories the text names. The listing query then gets
 * constants, which the planner matches against the indexes.
 */
export async function analyseText(
  db: Database,
  text: string,
  /** Services have domains, not categories: they need not look for named categories. */
  { withCategories = true }: { withCategories?: boolean } = {},
): Promise<AnalysedText> {
  const words = wordsOf(text);
  if (words.length === 0) return { words: [], namedCategories: [] };
  const rows = rowsOf<AnalysedWord>(
    await db.execute(sql`
    select mutua_fold(word) as folded,
           to_tsquery('mutua_french', mutua_search_text(word) || ':*')::text as "prefixQuery",
           to_tsquery('mutua_french', mutua_search_text(word))::text as "stemQuery"
      from unnest(${sql.param(words)}::text[]) with ordinality as typed(word, position)
     order by position`),
  );
  const analysed = rows.filter((word) => word.prefixQuery !== '');
  return { words: analysed, namedCategories: withCategories ? await categoriesNamedBy(db, analysed) : [] };
}

async function categoriesNamedBy(db: Database, words: AnalysedWord[]): Promise<string[]> {
  if (words.length === 0) return [];
  const query = sql`${allOf(words, 'stemQuery')}::tsquery`;
  const family = alias(categories, 'family');
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .leftJoin(family, eq(family.id, categories.parentId))
    .where(
      or(
        sql`to_tsvector('mutua_french', mutua_search_text(${categories.nameFr})) @@ ${query}`,
        sql`to_tsvector('mutua_french', mutua_search_text(${family.nameFr})) @@ ${query}`,
      ),
    );
  return rows.map((row) => row.id);
}

function allOf(words: AnalysedWord[], form: 'prefixQuery' | 'stemQuery'): string {
  return words.map((word) => `(${word[form]})`).join(' & ');
}

function foldedTitle(title: PgColumn): SQL {
  return sql`mutua_fold(${title})`;
}

function fuzzy(word: AnalysedWord): boolean {
  return word.folded.length >= MIN_FUZZY_LENGTH;
}

/** Every word found (by prefix or by trigrams), or one of the categories named by the text. */
export function matchesText(
  listing: { search: PgColumn; title: PgColumn; categoryId: PgColumn | null },
  analysed: AnalysedText,
): SQL {
  const everyWord = analysed.words.map((word) => {
    const byIndex = sql`${listing.search} @@ ${word.prefixQuery}::tsquery`;
    return fuzzy(word) ? or(byIndex, sql`${word.folded} <% ${foldedTitle(listing.title)}`)! : byIndex;
  });
  const byWords = everyWord.length > 0 ? and(...everyWord)! : sql`false`;
  if (!listing.categoryId || analysed.namedCategories.length === 0) return byWords;
  return or(byWords, inArray(listing.categoryId, analysed.namedCategories))!;
}

/**
 * Relevance in tiers, each worth more than everything below it: every word in the title as typed
 * (+3), a stemmed match (+2), a prefix match (+1), trigrams only (0). Inside a tier: the text rank
 * (title above description, normalised below 1) and the trigram similarity, and a small bonus when
 * the category itself was named.
 */
export function relevance(
  listing: { search: PgColumn; title: PgColumn; categoryId: PgColumn | null },
  analysed: AnalysedText,
): SQL<number> {
  const { words, namedCategories } = analysed;
  if (words.length === 0) return sql<number>`0::float8`;
  const title = foldedTitle(listing.title);
  const asTyped = and(...words.map((word) => sql`${title} ~ ${wholeWord(word.folded)}`))!;
  const stemmed = sql`${listing.search} @@ ${allOf(words, 'stemQuery')}::tsquery`;
  const prefixed = sql`${listing.search} @@ ${allOf(words, 'prefixQuery')}::tsquery`;
  const similarity = sql.join(
    words.map((word) => sql`word_similarity(${word.folded}, ${title})`),
    sql` + `,
  );
  const bonus =
    listing.categoryId && namedCategories.length > 0
      ? sql` + case when ${inArray(listing.categoryId, namedCategories)} then 0.05 else 0 end`
      : sql``;
  return sql<number>`((case when ${asTyped} then 3 else 0 end)
    + (case when ${stemmed} then 2 else 0 end)
    + (case when ${prefixed} then 1 else 0 end)
    + 0.5 * ts_rank(${listing.search}, ${allOf(words, 'prefixQuery')}::tsquery, 32)
    + 0.4 * (${similarity}) / ${words.length}${bonus})::float8`;
}

/** A regular expression for the folded word alone: unaccent may turn a character into punctuation (« ⑴ »). */
function wholeWord(folded: string): string {
  return `\\m${folded.replace(/[^\p{L}\p{N}]/gu, '')}\\M`;
}

/** The category and its sub-categories, for a category filter. */
export function inCategory(categoryId: PgColumn, category: string): SQL {
  return sql`${categoryId} in (select id from ${categories} where id = ${category} or parent_id = ${category})`;
}
