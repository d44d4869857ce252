import Type from 'typebox';

/**
 * Which new listings of a network's structures wait for a moderator: every one, only a
 * structure's first ones (until it has `firstListingsReviewed` published), or none.
 */
export const listingReviewPolicies = ['every', 'first', 'none'] as const;
export type ListingReviewPolicy = (typeof listingReviewPolicies)[number];

/** Under the « first » policy, a structure's listings are reviewed until this many are published. */
export const firstListingsReviewed = 3;

export const ListingReviewPolicySchema = Type.Enum([...listingReviewPolicies], {
  description: 'every : chaque nouvelle annonce ; first : les premières annonces d’une structure ; none : aucune',
});
