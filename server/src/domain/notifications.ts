import Type from 'typebox';

/**
 * What people are told about, as codes: the server stores these with their parameters, the app
 * and the email templates (emails/) phrase them in the reader's language.
 */
export const notificationKinds = [
  'account.verify_email',
  'account.password_reset',
  'account.password_changed',
  'account.email_change',
  'account.signup_attempt',
  'organisation.approved',
  'organisation.rejected',
  'organisation.suspended',
  'organisation.reinstated',
  'organisation.reopened',
  'organisation.changes_requested',
  'organisation.invitation',
  'membership.requested',
  'membership.accepted',
  'booking.requested',
  'booking.accepted',
  'booking.declined',
  'booking.cancelled',
  'booking.expired',
  'booking.message',
  'reminder.pickup',
  'reminder.return',
  'reminder.overdue',
  'reminder.answer_due',
  'reminder.request_expiring',
  'need.response',
  'listing.approved',
  'listing.changes_requested',
  'listing.hidden',
  'listing.restored',
  'listing.archived',
  'report.received',
  'report.resolved',
  'account.suspended',
  'account.reinstated',
  'account.deletion_scheduled',
  'network_role.changed',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Cannot be turned off nor held for the digest: account security, the answers to one's own
 * requests and structures, what the network decides about one's account or role, and a listing
 * of one's structure leaving the catalogue (docs/domain.md, « Notifications »: essential).
 */
export const essentialKinds: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'account.verify_email',
  'account.password_reset',
  'account.password_changed',
  'account.email_change',
  'account.signup_attempt',
  'organisation.approved',
  'organisation.rejected',
  'organisation.suspended',
  'organisation.reinstated',
  'organisation.changes_requested',
  'organisation.invitation',
  'membership.accepted',
  'booking.accepted',
  'booking.declined',
  'booking.cancelled',
  'listing.hidden',
  'listing.archived',
  'account.suspended',
  'account.reinstated',
  'account.deletion_scheduled',
  'network_role.changed',
]);

/**
 * Emails whose links act for their reader (a password reset, « Accepter »): with a real mail
 * server, the database keeps only their subject; the demo's local mailbox is the exception.
 */
export const carriesPersonalLinks: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'account.verify_email',
  'account.password_reset',
  'account.email_change',
  'organisation.invitation',
  'booking.requested',
]);

/** Kinds a person chooses for: everything else. */
export const optionalKinds = notificationKinds.filter((kind) => !essentialKinds.has(kind));

/** How a person wants the emails of one kind: at once, in the daily digest, or not at all (the bell still shows them). */
export const emailModes = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof emailModes)[number];

export const channels = ['in_app', 'email'] as const;
export type Channel = (typeof channels)[number];

/** Where an email stands: queued (waiting), sending (claimed by a worker), held (for the digest), skipped (no longer true). */
export const emailStatuses = ['queued', 'sending', 'sent', 'retrying', 'failed', 'held', 'skipped'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/**
 * Why the platform declined a request, phrased for each reader's side: another request was
 * accepted for the same days (`dates_taken`) or time (`slot_taken`); the structure that asks
 * (`borrower_suspended`) or the one asked (`lender_suspended`) was suspended while it waited, or
 * the person who asked was (`requester_suspended`).
 * The database's `bookings_decline_code` check is built from this list (a new code needs a migration).
 */
export const declineCodes = [
  'dates_taken',
  'slot_taken',
  'borrower_suspended',
  'lender_suspended',
  'requester_suspended',
] as const;
export type DeclineCode = (typeof declineCodes)[number];

/** Declined because one side was suspended: nobody's answer, so both sides hear of it (as of an expiry). */
export const suspensionDeclineCodes: ReadonlySet<string> = new Set<DeclineCode>([
  'borrower_suspended',
  'lender_suspended',
  'requester_suspended',
]);

const Instant = Type.String({ format: 'date-time' });

export const NotificationSchema = Type.Object({
  id: Type.String({ description: 'Identifiant (entier, en texte)' }),
  kind: Type.Enum([...notificationKinds]),
  /** The event's parameters: ids, codes, and what a person typed, as typed. */
  params: Type.Record(Type.String(), Type.Unknown()),
  /** Where the notification leads, a path of the app (`/prets/…`). */
  link: Type.String(),
  /** Names to phrase it with, as they are now: what the booking or need is about, the other structure. */
  about: Type.Object({
    title: Type.Union([Type.String(), Type.Null()]),
    organisationName: Type.Union([Type.String(), Type.Null()]),
  }),
  read: Type.Boolean(),
  createdAt: Instant,
});
export type Notification = Type.Static<typeof NotificationSchema>;

export const NotificationListSchema = Type.Object({
  notifications: Type.Array(NotificationSchema),
  unread: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const NotificationPreferenceSchema = Type.Object({
  kind: Type.Enum([...notificationKinds]),
  essential: Type.Boolean(),
  email: Type.Enum([...emailModes]),
});

export const NotificationPreferencesSchema = Type.Object({
  preferences: Type.Array(NotificationPreferenceSchema),
});

export const NotificationPreferencesPatchSchema = Type.Object(
  {
    preferences: Type.Array(
      Type.Object(
        { kind: Type.Enum([...optionalKinds]), email: Type.Enum([...emailModes]) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: notificationKinds.length },
    ),
  },
  { additionalProperties: false },
);
export type NotificationPreferencesPatch = Type.Static<typeof NotificationPreferencesPatchSchema>;
