import { error } from '@sveltejs/kit';
import type { ItemSearchResult, OrganisationDetail, ServiceSearchResult } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError } from '$lib/server/form-errors';
import { fileReport } from '$lib/reports/report-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const organisation = await locals.api.get<OrganisationDetail>(`/api/organisations/${segment(params.id)}`);
  if (!organisation.ok) {
    // A malformed id is a page that does not exist, not a bad request.
    const status = organisation.status === 400 ? 404 : organisation.status;
    error(status, describeApiError(translator(locals.lang), organisation.data));
  }
  // Its published listings, as the catalogue shows them to this viewer.
  const query = `organisation=${segment(organisation.data.id)}&limit=50&sort=newest`;
  const [items, services] = await Promise.all([
    locals.api.get<ItemSearchResult>(`/api/items?${query}`),
    locals.api.get<ServiceSearchResult>(`/api/services?${query}`),
  ]);
  return {
    organisation: organisation.data,
    items: items.ok ? items.data.items : [],
    moreItems: items.ok && items.data.nextCursor !== null,
    services: services.ok ? services.data.items : [],
    moreServices: services.ok && services.data.nextCursor !== null,
  };
};

export const actions: Actions = {
  /** « Signaler » (ReportDialog). */
  report: fileReport,
};
