/** The privacy strings, in French (the source of truth; privacy.en.ts has the same keys). Keys start with « privacy. ». */
export const privacyFr = {} satisfies Record<string, string>;
