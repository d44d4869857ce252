/** The impact strings, in French (the source of truth; impact.en.ts has the same keys). Keys start with « impact. ». */
export const impactFr = {} satisfies Record<string, string>;
