import type { Case } from '../access-matrix-kit.ts';

/** The people routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const peopleMatrix: Record<string, Case[]> = {};
