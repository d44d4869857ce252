import type { Dashboard } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { actingMemberships, requireMe } from '$lib/server/acting-for';
import { bookingFormActions } from '$lib/server/lending';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  if (actingMemberships(me).length === 0) return { hasStructure: false, dashboard: null, failure: null };
  const dashboard = await locals.api.get<Dashboard>('/api/bookings/dashboard');
  return {
    hasStructure: true,
    dashboard: dashboard.ok ? dashboard.data : null,
    failure: dashboard.ok ? null : translator(locals.lang)('lending.dashboard.failed'),
  };
};

export const actions: Actions = bookingFormActions();
