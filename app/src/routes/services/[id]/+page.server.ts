import type { ServiceDetail } from '@mutua/server/contract';
import { loadListing } from '$lib/server/listings';
import { fileReport } from '$lib/reports/report-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { listing, organisation } = await loadListing<ServiceDetail>(locals, '/api/services', params.id);
  return { service: listing, organisation };
};

export const actions: Actions = {
  /** « Signaler » (ReportDialog). */
  report: fileReport,
};
