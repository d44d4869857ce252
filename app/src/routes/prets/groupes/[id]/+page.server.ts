import { error } from '@sveltejs/kit';
import type { BookingGroup } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { bookingErrorMessage } from '$lib/server/lending';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const group = await locals.api.get<BookingGroup>(`/api/bookings/groups/${segment(params.id)}`);
  if (!group.ok) {
    if (group.status === 400 || group.status === 404) error(404, t('error.notFoundText'));
    error(group.status, bookingErrorMessage(t, group.data));
  }
  return { group: group.data };
};
