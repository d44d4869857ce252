import type { moderationFr } from './moderation.fr.ts';

/** English, key for key with moderation.fr.ts. */
export const moderationEn: Record<keyof typeof moderationFr, string> = {};
