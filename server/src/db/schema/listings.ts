import { pgEnum } from 'drizzle-orm/pg-core';

/** The life of a listing (annonce), item or service offer alike. Only `published` ones are found. */
export const listingStatusEnum = pgEnum('listing_status', [
  'draft',
  'pending_review',
  'published',
  'hidden',
  'archived',
]);

/** Who finds a listing: members of the owner's networks, or every network on the platform. */
export const listingVisibilityEnum = pgEnum('listing_visibility', ['networks', 'all']);
