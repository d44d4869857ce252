import type { chartersFr } from './charters.fr.ts';

/** English, key for key with charters.fr.ts. */
export const chartersEn: Record<keyof typeof chartersFr, string> = {};
