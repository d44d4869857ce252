import type { ServiceDetail } from '@mutua/server/contract';
import { loadListing } from '$lib/server/listings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { listing, organisation } = await loadListing<ServiceDetail>(locals, '/api/services', params.id);
  return { service: listing, organisation };
};
