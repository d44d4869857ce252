import type { OrganisationStatus } from '@mutua/server/contract';

/** The `?statut=` values of the admin page (French, as URLs are), and the API status each one lists. */
export const reviewFilters = {
  'en-attente': 'pending',
  validees: 'active',
  refusees: 'rejected',
  suspendues: 'suspended',
} as const satisfies Record<string, OrganisationStatus>;

export type ReviewFilter = keyof typeof reviewFilters;

export function reviewFilterOf(value: string | null): ReviewFilter {
  return value !== null && Object.hasOwn(reviewFilters, value) ? (value as ReviewFilter) : 'en-attente';
}
