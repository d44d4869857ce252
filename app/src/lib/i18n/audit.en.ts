import type { auditFr } from './audit.fr.ts';

/** English, key for key with audit.fr.ts. */
export const auditEn: Record<keyof typeof auditFr, string> = {};
