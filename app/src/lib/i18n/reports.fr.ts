/** The reports strings, in French (the source of truth; reports.en.ts has the same keys). Keys start with « reports. ». */
export const reportsFr = {} satisfies Record<string, string>;
