import type { Case } from '../access-matrix-kit.ts';

/** The moderation routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const moderationMatrix: Record<string, Case[]> = {};
