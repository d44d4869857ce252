import type { BookingList } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { actingMemberships, requireMe } from '$lib/server/acting-for';
import { bookingErrorMessage } from '$lib/server/lending';
import { historyApiQuery, historyFiltersFromUrl, historyHref } from '../history-filters';
import type { PageServerLoad } from './$types';

const pageSize = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const t = translator(locals.lang);
  const filters = historyFiltersFromUrl(url.searchParams);
  const structures = actingMemberships(me).map(({ organisation }) => ({
    id: organisation.id,
    name: organisation.name,
  }));
  const list = await locals.api.get<BookingList>(`/api/bookings?${historyApiQuery(filters, pageSize)}`);
  return {
    filters,
    structures,
    bookings: list.ok ? list.data.items : [],
    nextPage: list.ok && list.data.nextCursor ? historyHref({ ...filters, cursor: list.data.nextCursor }) : null,
    failure: list.ok
      ? null
      : list.status === 400 && filters.cursor
        ? t('lending.history.staleLink')
        : bookingErrorMessage(t, list.data),
  };
};
