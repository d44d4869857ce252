import type { Case } from '../access-matrix-kit.ts';

/** The listing-moderation routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const listingModerationMatrix: Record<string, Case[]> = {};
