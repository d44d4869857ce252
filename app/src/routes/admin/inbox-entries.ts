/** What the moderation inbox lists (/admin), as the API answers it. */
export type { InboxEntry, InboxList } from '@mutua/server/contract';

export const inboxKinds = ['organisation', 'listing', 'report', 'loan', 'email'] as const;
export type InboxKind = (typeof inboxKinds)[number];
