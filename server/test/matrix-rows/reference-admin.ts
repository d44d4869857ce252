import type { Case } from '../access-matrix-kit.ts';

/** The reference-admin routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const referenceAdminMatrix: Record<string, Case[]> = {};
