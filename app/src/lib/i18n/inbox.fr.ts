/** The inbox strings, in French (the source of truth; inbox.en.ts has the same keys). Keys start with « inbox. ». */
export const inboxFr = {} satisfies Record<string, string>;
