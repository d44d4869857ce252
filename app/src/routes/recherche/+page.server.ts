import { env } from '$env/dynamic/public';
import { serviceDomains } from '@mutua/server/domain/catalogue';
import type {
  ApiError,
  CategoryList,
  ItemSearchResult,
  ServiceSearchResult,
  TerritoryList,
} from '@mutua/server/contract';
import { categoryFamilies } from '$lib/catalogue/categories';
import { apiQuery, type CatalogueFilters, filtersFromUrl, searchHref } from '$lib/catalogue/search-filters';
import type { FormErrors } from '$lib/form-errors';
import { type Translator, translator } from '$lib/i18n';
import { defaultTilesUrl } from '$lib/server/csp';
import { describeApiError, toFormErrors } from '$lib/server/form-errors';
import type { PageServerLoad } from './$types';

const pageSize = 24;
/** The inputs of the filter form: an API error about one of them shows next to it. */
const formFields = ['q', 'category', 'territory', 'near', 'radius_km', 'sort'];
const defaultAttribution = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export const load: PageServerLoad = async ({ locals, url }) => {
  const t = translator(locals.lang);
  const filters = filtersFromUrl(url.searchParams);
  const [categories, territories] = await Promise.all([
    locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`),
    locals.api.get<TerritoryList>('/api/territories'),
  ]);
  const categoryList = categories.ok ? categories.data.categories : [];
  // A category of the other kind (the toggle was switched) or that no longer exists is dropped.
  const known = filters.kind === 'item' ? categoryList.map((category) => category.id) : [...serviceDomains];
  if (filters.category && !known.includes(filters.category)) filters.category = '';

  const endpoint = filters.kind === 'item' ? '/api/items' : '/api/services';
  const results = await locals.api.get<ItemSearchResult | ServiceSearchResult>(
    `${endpoint}?${apiQuery(filters, pageSize)}`,
  );
  const failure = results.ok ? null : failureOf(t, results.data);

  const territoryList = territories.ok ? territories.data.territories : [];
  return {
    filters: filters satisfies CatalogueFilters,
    families: categoryFamilies(categoryList),
    domains: serviceDomains,
    territories: territoryList.map(({ code, name }) => ({ code, name })),
    communes: territoryList.flatMap((territory) =>
      territory.communes.map(({ name, postcode }) => ({ name, postcode })),
    ),
    results: results.ok ? results.data.items : [],
    nextPage: results.ok && results.data.nextCursor ? searchHref(filters, { cursor: results.data.nextCursor }) : null,
    failure,
    map: {
      tilesUrl: env.PUBLIC_MAP_TILES_URL || defaultTilesUrl,
      attribution: env.PUBLIC_MAP_ATTRIBUTION || defaultAttribution,
    },
  };
};

/** What went wrong, for the form: a field's error next to it; a bad cursor is a stale "Voir plus" link. */
function failureOf(t: Translator, error: ApiError): FormErrors {
  const errors = toFormErrors(t, error, { fieldOrder: formFields });
  if (errors.fields.cursor) return { message: t('catalogue.staleLink'), fields: {} };
  const fields = Object.fromEntries(Object.entries(errors.fields).filter(([field]) => formFields.includes(field)));
  return { message: Object.keys(fields).length > 0 ? errors.message : describeApiError(t, error), fields };
}
