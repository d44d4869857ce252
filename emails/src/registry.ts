import type { Summary, Template } from './content.ts';
import type { DigestEntry, EmailInputs, EmailKind, EmailLocale } from './contract.ts';
import {
  accountEmailChange,
  accountPasswordChanged,
  accountPasswordReset,
  accountSignupAttempt,
  accountVerifyEmail,
} from './templates/account.ts';
import { accountDeletionScheduled, accountReinstated, accountSuspended } from './templates/account-standing.ts';
import { bookingAccepted, bookingDeclined } from './templates/booking-answers.ts';
import { bookingCancelled, bookingExpired, bookingMessage } from './templates/booking-changes.ts';
import { bookingRequested } from './templates/booking-requested.ts';
import {
  listingApproved,
  listingArchived,
  listingChangesRequested,
  listingHidden,
  listingRestored,
  reportReceived,
  reportResolved,
} from './templates/moderation.ts';
import { needResponse } from './templates/needs.ts';
import { networkRoleChanged } from './templates/network-roles.ts';
import {
  membershipAccepted,
  membershipRequested,
  organisationApproved,
  organisationInvitation,
  organisationRejected,
} from './templates/organisations.ts';
import {
  organisationChangesRequested,
  organisationReinstated,
  organisationReopened,
  organisationSuspended,
} from './templates/organisation-standing.ts';
import {
  reminderAnswerDue,
  reminderOverdue,
  reminderPickup,
  reminderRequestExpiring,
  reminderReturn,
} from './templates/reminders.ts';

/**
 * Every template but the digest, by kind. The digest is kept apart (see index.ts) because it shows
 * the others' summaries: this way it can import them without a cycle.
 */
export type EntryKind = Exclude<EmailKind, 'digest'>;

export const entryTemplates: { [K in EntryKind]: Template<K> } = {
  'account.verify_email': accountVerifyEmail,
  'account.password_reset': accountPasswordReset,
  'account.password_changed': accountPasswordChanged,
  'account.email_change': accountEmailChange,
  'account.signup_attempt': accountSignupAttempt,
  'organisation.approved': organisationApproved,
  'organisation.rejected': organisationRejected,
  'organisation.suspended': organisationSuspended,
  'organisation.reinstated': organisationReinstated,
  'organisation.reopened': organisationReopened,
  'organisation.changes_requested': organisationChangesRequested,
  'organisation.invitation': organisationInvitation,
  'membership.requested': membershipRequested,
  'membership.accepted': membershipAccepted,
  'booking.requested': bookingRequested,
  'booking.accepted': bookingAccepted,
  'booking.declined': bookingDeclined,
  'booking.cancelled': bookingCancelled,
  'booking.expired': bookingExpired,
  'booking.message': bookingMessage,
  'reminder.pickup': reminderPickup,
  'reminder.return': reminderReturn,
  'reminder.overdue': reminderOverdue,
  'reminder.answer_due': reminderAnswerDue,
  'reminder.request_expiring': reminderRequestExpiring,
  'need.response': needResponse,
  'listing.approved': listingApproved,
  'listing.changes_requested': listingChangesRequested,
  'listing.hidden': listingHidden,
  'listing.restored': listingRestored,
  'listing.archived': listingArchived,
  'report.received': reportReceived,
  'report.resolved': reportResolved,
  'account.suspended': accountSuspended,
  'account.reinstated': accountReinstated,
  'account.deletion_scheduled': accountDeletionScheduled,
  'network_role.changed': networkRoleChanged,
};

function summariseOf<K extends EntryKind>(entry: { kind: K; input: EmailInputs[K] }, locale: EmailLocale): Summary {
  const template: Template<K> = entryTemplates[entry.kind];
  return template.summarise(entry.input, locale);
}

/** A held notification as its own template sums it up. */
export function summariseEntry(entry: DigestEntry, locale: EmailLocale): Summary {
  return summariseOf(entry, locale);
}
