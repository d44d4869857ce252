import type { impactFr } from './impact.fr.ts';

/** English, key for key with impact.fr.ts. */
export const impactEn: Record<keyof typeof impactFr, string> = {};
