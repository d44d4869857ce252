/** The charters strings, in French (the source of truth; charters.en.ts has the same keys). Keys start with « charters. ». */
export const chartersFr = {} satisfies Record<string, string>;
