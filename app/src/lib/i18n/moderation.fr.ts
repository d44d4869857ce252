/** Network moderation: suspensions, reinstatements, reopening, asking for changes: merged into fr.ts. */
export const moderationFr = {} as const;
