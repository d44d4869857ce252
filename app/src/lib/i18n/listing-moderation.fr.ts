/** The listing-moderation strings, in French (the source of truth; listing-moderation.en.ts has the same keys). Keys start with « listingModeration. ». */
export const listingModerationFr = {} satisfies Record<string, string>;
