import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SearchSort } from '../domain/catalogue.ts';
import { fieldError } from '../domain/errors.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import { distanceKm, type Point, withinRadius } from './geo.ts';
import { type AnalysedText, inCategory, matchesText, relevance } from './text-search.ts';
import { findableBy, type Viewer } from './visibility.ts';

/** The columns every searchable listing table has (items, services, needs). */
type SearchableColumns = {
  id: PgColumn;
  organisationId: PgColumn;
  visibility: PgColumn;
  status: PgColumn;
  search: PgColumn;
  title: PgColumn;
  territoryCode: PgColumn;
  createdAt: PgColumn;
  categoryId: PgColumn | null;
  latitude: PgColumn | null;
  longitude: PgColumn | null;
};

type SearchCriteria = {
  q?: string;
  category?: string;
  territory?: string;
  organisation?: string;
  near?: Point;
  radiusKm?: number;
  sort?: SearchSort;
  cursor?: string;
  limit: number;
  /** `q` analysed by text-search.ts (analyseText); required with `q`. */
  analysed?: AnalysedText;
};

/**
 * Builds one search: the filters, the sort and its keyset condition. The cursor carries the sort
 * key of the last row (rank, distance or creation instant) and its id, so pages never overlap.
 */
export function planSearch(
  listing: SearchableColumns,
  viewer: Viewer,
  criteria: SearchCriteria,
  /** `findable` replaces the default "published and visible" rule (needs have their own); `extra` adds filters. */
  options: { findable?: SQL; extra?: SQL[] } = {},
) {
  const text = criteria.q?.trim() || undefined;
  const requested: SearchSort = criteria.sort ?? (text ? 'relevance' : criteria.near ? 'distance' : 'newest');
  if (requested === 'distance' && !criteria.near) {
    throw fieldError('sort', 'Le tri par distance demande une commune (near).', 'requires');
  }
  // Without text there is no rank: « relevance » orders as « newest », and its cursors say so.
  const sort: SearchSort = requested === 'relevance' && !text ? 'newest' : requested;
  const conditions: SQL[] = [options.findable ?? findableBy(viewer, listing), ...(options.extra ?? [])];
  const analysed = text ? (criteria.analysed ?? { words: [], namedCategories: [] }) : undefined;
  if (analysed) conditions.push(matchesText(listing, analysed));
  if (criteria.category && listing.categoryId) conditions.push(inCategory(listing.categoryId, criteria.category));
  if (criteria.territory) conditions.push(eq(listing.territoryCode, criteria.territory));
  if (criteria.organisation) conditions.push(eq(listing.organisationId, criteria.organisation));

  const located =
    criteria.near && listing.latitude && listing.longitude
      ? { latitude: listing.latitude, longitude: listing.longitude }
      : null;
  const distance =
    located && criteria.near ? distanceKm(located.latitude, located.longitude, criteria.near) : sql<null>`null::float8`;
  if (located && criteria.near) {
    conditions.push(withinRadius(located.latitude, located.longitude, criteria.near, criteria.radiusKm ?? 20));
  }

  const rank = analysed ? relevance(listing, analysed) : sql<number>`0::float8`;
  const createdKey = sql<string>`to_char(${listing.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  let orderBy: SQL[];
  let sortKey: SQL;
  if (sort === 'relevance') {
    orderBy = [desc(rank), asc(listing.id)];
    sortKey = sql`${rank}::text`;
  } else if (sort === 'distance') {
    orderBy = [asc(distance), asc(listing.id)];
    sortKey = sql`${distance}::text`;
  } else {
    // With text, order by the textual instant (the same order): the planner then finds the few
    // matches through the text index instead of walking the date index past thousands of rows.
    orderBy = text ? [desc(createdKey), desc(listing.id)] : [desc(listing.createdAt), desc(listing.id)];
    sortKey = createdKey;
  }

  if (criteria.cursor) {
    // The route has checked the cursor's shape (domain/cursor-shapes.ts); it must also be one of this order.
    const [cursorSort, key, id] = decodeCursor(criteria.cursor, 3);
    if (cursorSort !== sort) throw invalidCursor();
    if (sort === 'relevance')
      conditions.push(
        sql`(${rank} < ${Number(key)}::float8 or (${rank} = ${Number(key)}::float8 and ${listing.id} > ${id}))`,
      );
    else if (sort === 'distance')
      conditions.push(
        sql`(${distance} > ${Number(key)}::float8 or (${distance} = ${Number(key)}::float8 and ${listing.id} > ${id}))`,
      );
    else
      conditions.push(
        sql`(${listing.createdAt} < ${key}::timestamptz or (${listing.createdAt} = ${key}::timestamptz and ${listing.id} < ${id}))`,
      );
  }

  return {
    where: and(...conditions)!,
    orderBy,
    columns: { rank, distanceKm: distance, sortKey: sql<string>`${sortKey}` },
    nextCursor(rows: Array<{ id: string; sortKey: string }>, limit: number): string | null {
      if (rows.length <= limit) return null;
      const last = rows[limit - 1]!;
      return encodeCursor([sort, last.sortKey, last.id]);
    },
  };
}

function invalidCursor() {
  return fieldError('cursor', 'Le curseur de pagination ne correspond pas à cette recherche.', 'format');
}
