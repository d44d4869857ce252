import type { ItemDetail } from '$lib/api-types';
import { loadListing } from '$lib/server/listings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { listing, organisation } = await loadListing<ItemDetail>(locals, '/api/items', params.id);
  return { item: listing, organisation };
};
