import type { privacyFr } from './privacy.fr.ts';

/** English, key for key with privacy.fr.ts. */
export const privacyEn: Record<keyof typeof privacyFr, string> = {};
