import type { CategoryList, NeedSearchResult, TerritoryList } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import { needFiltersFromUrl, needsApiQuery, needsHref } from './need-filters';
import type { PageServerLoad } from './$types';

const pageSize = 24;

export const load: PageServerLoad = async ({ locals, url }) => {
  const t = translator(locals.lang);
  const filters = needFiltersFromUrl(url.searchParams);
  const [needs, territories, categories] = await Promise.all([
    locals.api.get<NeedSearchResult>(`/api/needs?${needsApiQuery(filters, pageSize)}`),
    locals.api.get<TerritoryList>('/api/territories'),
    locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`),
  ]);
  const canPost = locals.me?.memberships.some((membership) => membership.canTrade) ?? false;
  return {
    filters,
    territories: territories.ok ? territories.data.territories.map(({ code, name }) => ({ code, name })) : [],
    categoryNames: Object.fromEntries(
      (categories.ok ? categories.data.categories : []).map((category) => [category.id, category.name]),
    ),
    needs: needs.ok ? needs.data.items : [],
    nextPage: needs.ok && needs.data.nextCursor ? needsHref(filters, { cursor: needs.data.nextCursor }) : null,
    failure: needs.ok ? null : needs.status === 400 ? t('catalogue.staleLink') : describeApiError(t, needs.data),
    canPost,
  };
};
