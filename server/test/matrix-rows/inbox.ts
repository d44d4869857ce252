import type { Case } from '../access-matrix-kit.ts';

/** The inbox routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const inboxMatrix: Record<string, Case[]> = {};
