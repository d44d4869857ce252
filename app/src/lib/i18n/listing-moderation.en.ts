import type { listingModerationFr } from './listing-moderation.fr.ts';

/** English, key for key with listing-moderation.fr.ts. */
export const listingModerationEn: Record<keyof typeof listingModerationFr, string> = {};
