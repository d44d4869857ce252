import type { Case } from '../access-matrix-kit.ts';

/** The reports routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const reportsMatrix: Record<string, Case[]> = {};
