import type { Case } from '../access-matrix-kit.ts';

/** The network-settings routes' rows of the authorisation matrix (src/access/matrix.api.test.ts). */
export const networkSettingsMatrix: Record<string, Case[]> = {};
