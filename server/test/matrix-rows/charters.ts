import type { Case } from '../access-matrix-kit.ts';

/** The charters routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const chartersMatrix: Record<string, Case[]> = {};
