/**
 * Reports (signalements): a member flags a listing, a message or a structure; the network's
 * moderators and admins resolve it and the reporter hears the outcome. Codes, never sentences.
 */
export const reportTargets = ['item', 'service', 'message', 'organisation'] as const;
export type ReportTarget = (typeof reportTargets)[number];

export const reportReasons = ['inappropriate', 'misleading', 'spam', 'unsafe', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** What the resolver did: nothing to do (dismissed), hid the listing or message, suspended the structure. */
export const reportOutcomes = ['dismissed', 'hidden', 'suspended'] as const;
export type ReportOutcome = (typeof reportOutcomes)[number];
