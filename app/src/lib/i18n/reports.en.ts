import type { reportsFr } from './reports.fr.ts';

/** English, key for key with reports.fr.ts. */
export const reportsEn: Record<keyof typeof reportsFr, string> = {};
