import type { inboxFr } from './inbox.fr.ts';

/** English, key for key with inbox.fr.ts. */
export const inboxEn: Record<keyof typeof inboxFr, string> = {};
