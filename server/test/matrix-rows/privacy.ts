import type { Case } from '../access-matrix-kit.ts';

/** The privacy routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const privacyMatrix: Record<string, Case[]> = {};
