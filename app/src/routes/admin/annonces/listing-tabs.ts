/** The tabs of /admin/annonces as the URL names them (`?statut=`), and the status each lists. */
export const listingTabs = {
  'a-examiner': 'pending_review',
  masquees: 'hidden',
  publiees: 'published',
  archivees: 'archived',
} as const;
export type ListingTab = keyof typeof listingTabs;

export function listingTabOf(value: string | null): ListingTab {
  return value && value in listingTabs ? (value as ListingTab) : 'a-examiner';
}

/** `?type=`: objets, services, or both when absent. */
export const listingTypeFilters = { objets: 'item', services: 'service' } as const;
export type ListingTypeFilter = keyof typeof listingTypeFilters;

export function listingTypeOf(value: string | null): ListingTypeFilter | '' {
  return value && value in listingTypeFilters ? (value as ListingTypeFilter) : '';
}
