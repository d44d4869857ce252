import { describe, expect, it } from 'vitest';
import { apiQuery, emptyFilters, filtersFromUrl, kindHref, searchHref, viewHref } from './search-filters.ts';

const params = (query: string) => new URLSearchParams(query);

describe('filtersFromUrl', () => {
  it('reads every filter of a shared link', () => {
    expect(
      filtersFromUrl(
        params(
          'q=+tonnelles+&kind=service&category=numerique&territory=62&near=Arras&radius_km=50&sort=distance&cursor=abc&view=map',
        ),
      ),
    ).toEqual({
      q: 'tonnelles',
      kind: 'service',
      category: 'numerique',
      territory: '62',
      organisation: '',
      near: 'Arras',
      radiusKm: 50,
      sort: 'distance',
      cursor: 'abc',
      view: 'map',
    });
  });

  it('falls back to the defaults for what is missing or malformed', () => {
    expect(filtersFromUrl(params(''))).toEqual(emptyFilters);
    expect(
      filtersFromUrl(
        params('kind=other&category=../../x&territory=Nord&radius_km=-3&sort=price&view=grid&organisation=42'),
      ),
    ).toEqual(emptyFilters);
    expect(filtersFromUrl(params('radius_km=1000')).radiusKm).toBeNull();
  });
});

describe('apiQuery', () => {
  it('passes the filters under the API’s names, with the page size', () => {
    const filters = { ...emptyFilters, q: 'vélo', category: 'velos-cargos', territory: '59', cursor: 'next' };
    expect(Object.fromEntries(apiQuery(filters, 24))).toEqual({
      limit: '24',
      q: 'vélo',
      category: 'velos-cargos',
      territory: '59',
      cursor: 'next',
    });
  });

  it('sends a radius (20 km unless chosen) only with a commune, and no distance sort without one', () => {
    expect(Object.fromEntries(apiQuery({ ...emptyFilters, near: 'Lens' }, 10))).toEqual({
      limit: '10',
      near: 'Lens',
      radius_km: '20',
    });
    expect(apiQuery({ ...emptyFilters, near: 'Lens', radiusKm: 5, sort: 'distance' }, 10).get('radius_km')).toBe('5');
    expect(apiQuery({ ...emptyFilters, near: 'Lens', sort: 'distance' }, 10).get('sort')).toBe('distance');
    const placeless = apiQuery({ ...emptyFilters, radiusKm: 5, sort: 'distance' }, 10);
    expect(placeless.has('sort')).toBe(false);
    expect(placeless.has('radius_km')).toBe(false);
  });
});

describe('links', () => {
  const current = { ...emptyFilters, q: 'table', category: 'tables', near: 'Amiens', radiusKm: 10, cursor: 'page2' };

  it('leaves defaults out of the URL', () => {
    expect(searchHref({})).toBe('/recherche');
    expect(searchHref({ category: 'evenementiel' })).toBe('/recherche?category=evenementiel');
    expect(searchHref({ radiusKm: 10 })).toBe('/recherche');
  });

  it('reads back what it writes', () => {
    const href = searchHref(current, { view: 'map', sort: 'newest' });
    expect(filtersFromUrl(new URL(href, 'http://mutua.invalid').searchParams)).toEqual({
      ...current,
      view: 'map',
      sort: 'newest',
    });
  });

  it('switches kind without the other kind’s category, and view from the first page', () => {
    expect(kindHref(current, 'service')).toBe('/recherche?q=table&kind=service&near=Amiens&radius_km=10');
    expect(viewHref(current, 'map')).toBe('/recherche?q=table&category=tables&near=Amiens&radius_km=10&view=map');
  });
});
