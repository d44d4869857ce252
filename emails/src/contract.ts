/**
 * What each email template needs to render, and what rendering gives back. The server maps its
 * events (codes and parameters) to these inputs at send time; a template phrases them in the
 * reader's language. Every string that comes from a person (a title, a message, a reason) is
 * rendered as text: escaped in HTML, never interpreted.
 */
export const emailLocales = ['fr', 'en'] as const;
export type EmailLocale = (typeof emailLocales)[number];

/** A loan request or service booking, as the emails show it. Days are `YYYY-MM-DD` (Europe/Paris), instants ISO strings. */
export type BookingSummary = {
  id: string;
  kind: 'item' | 'service';
  lenderName: string;
  borrowerName: string;
  /** Items: the lines of the request (empty for a service). */
  lines: Array<{ title: string; quantity: number }>;
  /** Services: the service's title (null for items). */
  serviceTitle: string | null;
  startDate: string | null;
  endDate: string | null;
  startsAt: string | null;
  endsAt: string | null;
  /** Items: where and when they are picked up and brought back (the first line's item); null for a service. */
  handover: {
    place: string;
    /** `HH:MM` Paris clock times, or null when the lender set none. */
    hours: { opensAt: string; closesAt: string } | null;
    /** The lender's words, as typed ('' when none). */
    instructions: string;
  } | null;
  /** The booking's page in the app. */
  url: string;
};

/** Why a request was declined: the lender's own words, or a code the template phrases. */
export type DeclineReason =
  | { code: 'lender'; text: string | null }
  /** Another request for the same items and days was accepted. */
  | { code: 'dates_taken' }
  /** Another request for the same service and time was accepted. */
  | { code: 'slot_taken' }
  /** The structure that asked was suspended while its request waited. */
  | { code: 'borrower_suspended' }
  /** The structure asked was suspended while the request waited: it can no longer answer. */
  | { code: 'lender_suspended' }
  /** The person who made the request was suspended by the network (their structure was not). */
  | { code: 'requester_suspended' };

export type EmailInputs = {
  // Account
  'account.verify_email': { url: string; expiresInHours: number };
  'account.password_reset': { url: string; expiresInMinutes: number };
  'account.password_changed': { changedAt: string; resetUrl: string };
  /** Sent to the new address, to confirm it. */
  'account.email_change': { newEmail: string; url: string; expiresInHours: number };
  /** To the owner of an address someone tried to sign up with (sign-up says the same either way). */
  'account.signup_attempt': { attemptedAt: string; signInUrl: string; resetUrl: string };
  'organisation.approved': { organisationName: string; url: string };
  'organisation.rejected': { organisationName: string; reason: string | null; url: string };
  /** To a structure's members: the network suspended it, with the admin's reason as typed. */
  'organisation.suspended': { organisationName: string; reason: string | null; url: string };
  'organisation.reinstated': { organisationName: string; url: string };
  /** To its managers: a refused structure is back in the review queue. */
  'organisation.reopened': { organisationName: string; url: string };
  /** To its managers: the network asks for changes before deciding, in the admin's words. */
  'organisation.changes_requested': { organisationName: string; message: string | null; url: string };
  /** A manager invites someone (maybe without an account yet) to join a structure. */
  'organisation.invitation': {
    organisationName: string;
    inviterName: string;
    role: 'member' | 'manager';
    url: string;
    expiresInDays: number;
  };
  /** To a structure's managers: someone asks to join. */
  'membership.requested': { organisationName: string; personName: string; url: string };
  /** To the person: their request to join was accepted. */
  'membership.accepted': { organisationName: string; url: string };
  // Loans
  /** To the lender's members. acceptUrl/declineUrl: single-use links to act from the email (a confirmation page). */
  'booking.requested': {
    booking: BookingSummary;
    message: string;
    expiresAt: string | null;
    acceptUrl: string | null;
    declineUrl: string | null;
  };
  'booking.accepted': { booking: BookingSummary; answer: string | null };
  /** side: which side the reader is on (both hear of a decline for a suspension; only the borrower of the others). */
  'booking.declined': { booking: BookingSummary; reason: DeclineReason; side: 'lender' | 'borrower' };
  'booking.cancelled': { booking: BookingSummary; by: 'lender' | 'borrower'; reason: string | null };
  /** side: which side the reader is on. */
  'booking.expired': { booking: BookingSummary; side: 'lender' | 'borrower' };
  'booking.message': { booking: BookingSummary; authorName: string; authorOrganisationName: string; body: string };
  // Reminders
  'reminder.pickup': { booking: BookingSummary; side: 'lender' | 'borrower' };
  'reminder.return': { booking: BookingSummary; side: 'lender' | 'borrower' };
  'reminder.overdue': { booking: BookingSummary; side: 'lender' | 'borrower'; daysLate: number };
  /** To the lender: a request waits for an answer and expires at `expiresAt`. */
  'reminder.answer_due': { booking: BookingSummary; expiresAt: string };
  /** To the borrower: their request has no answer yet and expires at `expiresAt`. */
  'reminder.request_expiring': { booking: BookingSummary; expiresAt: string };
  // Needs
  /** To the structure that posted a need: another structure answered it. */
  'need.response': { needTitle: string; organisationName: string; message: string; url: string };
  // Moderation
  'listing.approved': { listingTitle: string; url: string };
  'listing.changes_requested': { listingTitle: string; message: string; url: string };
  'listing.hidden': { listingTitle: string; reason: string | null; url: string };
  /** To the owner's members: a moderator made a hidden listing visible again. */
  'listing.restored': { listingTitle: string; url: string };
  /** To the owner's members: a moderator archived the listing, with the reason as typed. */
  'listing.archived': { listingTitle: string; reason: string | null; url: string };
  /** To the network's moderators and admins. subject: 'listing' | 'message' | 'organisation'. */
  'report.received': {
    subject: ReportSubject;
    subjectLabel: string;
    reasonCode: 'inappropriate' | 'misleading' | 'spam' | 'unsafe' | 'other';
    text: string;
    url: string;
  };
  /** To the reporter: what the moderation did (nothing, hid it, suspended the structure). */
  'report.resolved': {
    subject: ReportSubject;
    subjectLabel: string;
    outcome: 'dismissed' | 'hidden' | 'suspended';
    url: string;
  };
  // The network and a person's account
  /**
   * To the person: a network suspended their account (they can no longer sign in, so no button).
   * networkNames: the networks to talk to (those of their structures the suspending admin runs); url: the site.
   */
  'account.suspended': { reason: string | null; networkNames: string[]; url: string };
  'account.reinstated': { signInUrl: string };
  /** To the person: their account is erased after `eraseAfter` (an instant) unless they sign in before. */
  'account.deletion_scheduled': { eraseAfter: string; signInUrl: string };
  /** To the person: their role in a network's administration changed (null: they no longer have one). */
  'network_role.changed': { networkName: string; role: 'moderator' | 'admin' | null; url: string };
  // Digest
  /** The daily digest: what waits for the reader, the notifications held for the digest, new listings near them. */
  digest: {
    day: string;
    entries: Array<DigestEntry>;
    newListings: Array<{ title: string; organisationName: string; city: string; url: string }>;
    url: string;
  };
};

export type EmailKind = keyof EmailInputs;

/** What a report is about, as the emails name it (an item and a service are both a listing). */
export type ReportSubject = 'listing' | 'message' | 'organisation';

/** A notification held for the digest: it is shown as its template's one-line summary, with its link. */
export type DigestEntry = { [K in Exclude<EmailKind, 'digest'>]: { kind: K; input: EmailInputs[K] } }[Exclude<
  EmailKind,
  'digest'
>];

export type RenderContext = {
  locale: EmailLocale;
  /** The reader's name when known (null for an invitation to an address without an account). */
  recipientName: string | null;
  /** Where the app is, e.g. https://mutua.example.org: the footer links to it. */
  publicUrl: string;
  /** One-click unsubscribe page for this kind (non-essential mail only), else null. */
  unsubscribeUrl: string | null;
  /** The reader's notification settings page. */
  preferencesUrl: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };
