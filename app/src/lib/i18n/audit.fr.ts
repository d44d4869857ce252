/** The admins' audit log (journal): merged into fr.ts. */
export const auditFr = {} as const;
