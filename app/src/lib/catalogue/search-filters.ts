/**
 * The catalogue's filters live in the URL (`/recherche?q=…&kind=service&near=Arras`): shareable,
 * and the back button works. This turns a URL into filters, filters into the API's query, and
 * filters into links that change one thing (the next page, the map view, the other kind).
 */

export type ListingKind = 'item' | 'service';
export type SearchView = 'list' | 'map';
export type SearchSortChoice = 'relevance' | 'distance' | 'newest';

export type CatalogueFilters = {
  q: string;
  kind: ListingKind;
  /** A category id for items, a domain for services. */
  category: string;
  /** A département code (59). */
  territory: string;
  /** One lender structure's listings (from its public page). */
  organisation: string;
  /** A commune, as typed or picked (name or INSEE code). */
  near: string;
  radiusKm: number | null;
  /** Empty: the API's default (relevance with text, distance with a commune, else newest). */
  sort: SearchSortChoice | '';
  cursor: string;
  view: SearchView;
};

export const sortChoices: readonly SearchSortChoice[] = ['relevance', 'distance', 'newest'];
export const radiusChoices: readonly number[] = [5, 10, 20, 50, 100];
export const defaultRadiusKm = 20;

export const emptyFilters: CatalogueFilters = {
  q: '',
  kind: 'item',
  category: '',
  territory: '',
  organisation: '',
  near: '',
  radiusKm: null,
  sort: '',
  cursor: '',
  view: 'list',
};

const identifier = /^[a-z0-9_-]{1,60}$/;
const territoryCode = /^[0-9]{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters of a URL; anything malformed is dropped rather than sent to the API. */
export function filtersFromUrl(params: URLSearchParams): CatalogueFilters {
  const text = (name: string, max: number) => (params.get(name) ?? '').trim().slice(0, max);
  const category = text('category', 60);
  const territory = text('territory', 2);
  const organisation = text('organisation', 36);
  const radius = Number(params.get('radius_km'));
  const sort = params.get('sort');
  return {
    q: text('q', 200),
    kind: params.get('kind') === 'service' ? 'service' : 'item',
    category: identifier.test(category) ? category : '',
    territory: territoryCode.test(territory) ? territory : '',
    organisation: uuid.test(organisation) ? organisation : '',
    near: text('near', 80),
    radiusKm: Number.isFinite(radius) && radius > 0 && radius <= 300 ? radius : null,
    sort: sortChoices.find((choice) => choice === sort) ?? '',
    cursor: text('cursor', 500),
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

/**
 * The query of GET /api/items or /api/services. The sort by distance needs a commune, and a
 * radius means nothing without one: both are left out rather than turned down.
 */
export function apiQuery(filters: CatalogueFilters, limit: number): URLSearchParams {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filters.q) query.set('q', filters.q);
  if (filters.category) query.set('category', filters.category);
  if (filters.territory) query.set('territory', filters.territory);
  if (filters.organisation) query.set('organisation', filters.organisation);
  if (filters.near) {
    query.set('near', filters.near);
    query.set('radius_km', String(filters.radiusKm ?? defaultRadiusKm));
  }
  if (filters.sort && (filters.sort !== 'distance' || filters.near)) query.set('sort', filters.sort);
  if (filters.cursor) query.set('cursor', filters.cursor);
  return query;
}

export type SearchPath = '/recherche' | `/recherche?${string}`;

/** A link to the results with some filters changed; defaults are left out so that URLs stay short. */
export function searchHref(filters: Partial<CatalogueFilters>, changes: Partial<CatalogueFilters> = {}): SearchPath {
  const merged = { ...emptyFilters, ...filters, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  if (merged.kind !== 'item') params.set('kind', merged.kind);
  if (merged.category) params.set('category', merged.category);
  if (merged.territory) params.set('territory', merged.territory);
  if (merged.organisation) params.set('organisation', merged.organisation);
  if (merged.near) params.set('near', merged.near);
  if (merged.near && merged.radiusKm !== null) params.set('radius_km', String(merged.radiusKm));
  if (merged.sort) params.set('sort', merged.sort);
  if (merged.view !== 'list') params.set('view', merged.view);
  if (merged.cursor) params.set('cursor', merged.cursor);
  const query = params.toString();
  return query ? `/recherche?${query}` : '/recherche';
}

/** Switching between items and services keeps the words and the place, not the category (each kind has its own). */
export function kindHref(filters: CatalogueFilters, kind: ListingKind): SearchPath {
  return searchHref(filters, { kind, category: '', cursor: '' });
}

/** The same results, as a list or on a map (from the first page: a map of page 3 alone would mislead). */
export function viewHref(filters: CatalogueFilters, view: SearchView): SearchPath {
  return searchHref(filters, { view, cursor: '' });
}
