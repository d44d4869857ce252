import type { Case } from '../access-matrix-kit.ts';

/** The impact routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const impactMatrix: Record<string, Case[]> = {};
