/** The filters of the needs list (`/besoins?q=…&kind=service&territory=62`), to and from the URL. */
export type NeedFilters = { q: string; kind: '' | 'item' | 'service'; territory: string; cursor: string };

export function needFiltersFromUrl(params: URLSearchParams): NeedFilters {
  const kind = params.get('kind');
  const territory = (params.get('territory') ?? '').trim();
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    kind: kind === 'item' || kind === 'service' ? kind : '',
    territory: /^[0-9]{2}$/.test(territory) ? territory : '',
    cursor: (params.get('cursor') ?? '').trim().slice(0, 500),
  };
}

/** GET /api/needs: open needs only, the ones someone can still answer. */
export function needsApiQuery(filters: NeedFilters, limit: number): URLSearchParams {
  const query = new URLSearchParams({ status: 'open', limit: String(limit) });
  if (filters.q) query.set('q', filters.q);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.territory) query.set('territory', filters.territory);
  if (filters.cursor) query.set('cursor', filters.cursor);
  return query;
}

export function needsHref(filters: NeedFilters, changes: Partial<NeedFilters> = {}): '/besoins' | `/besoins?${string}` {
  const merged = { ...filters, ...changes };
  const params = new URLSearchParams(Object.entries(merged).filter(([, value]) => value !== ''));
  const query = params.toString();
  return query ? `/besoins?${query}` : '/besoins';
}
