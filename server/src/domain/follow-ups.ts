/**
 * Why a loan reaches the moderation inbox (« prêts qui demandent une personne »): a request
 * about to expire unanswered, a loan overdue by more than the network's days, an item returned
 * damaged or incomplete, an accepted loan whose structure was suspended.
 */
export const followUpReasons = ['unanswered', 'overdue', 'returned_damaged', 'party_suspended'] as const;
export type FollowUpReason = (typeof followUpReasons)[number];
