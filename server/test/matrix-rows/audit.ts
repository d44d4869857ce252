import type { Case } from '../access-matrix-kit.ts';

/** The audit routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const auditMatrix: Record<string, Case[]> = {};
