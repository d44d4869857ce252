/**
 * The shapes the Mutua API answers with, as the app reads them (see /api/docs/json).
 * Types only: the enums come from the shared domain code, nothing here reaches the browser bundle.
 */
import type {
  itemConditions,
  itemFees,
  lenderStatuses,
  ListingStatus,
  ListingVisibility,
  needKinds,
  needStatuses,
  SearchSort,
  serviceDomains,
  serviceFormats,
  serviceParticipations,
} from '@mutua/server/domain/catalogue';
import type { BookingAction, BookingStatus } from '@mutua/server/domain/booking-lifecycle';
import type {
  Availability,
  AvailabilityDay,
  BlockedReason,
  Booking,
  BookingRole,
  Dashboard,
  ServiceSlot,
  UnavailableReason,
} from '@mutua/server/domain/bookings';
import type { ErrorCode } from '@mutua/server/domain/errors';
import type { DeclineCode, EmailMode, EmailStatus, NotificationKind } from '@mutua/server/domain/notifications';
import type {
  MembershipRole,
  NetworkRoleName,
  OrganisationKind,
  OrganisationStatus,
} from '@mutua/server/domain/organisations';

export type { MembershipRole, OrganisationKind, OrganisationStatus };
export type MembershipStatus = 'pending' | 'active';

export type FieldError = { field: string; rule: string; message: string };
export type ApiError = { error: ErrorCode | (string & {}); message: string; details?: FieldError[] | unknown };

export type NetworkRef = { id: string; slug: string; name: string };

export type Me = {
  user: {
    id: string;
    email: string;
    name: string;
    locale: 'fr' | 'en';
    /** Confirmed through the link we sent: without it one browses, but neither lends nor borrows. */
    emailVerified: boolean;
    /** The mail server refused this address for good: the person must correct it. */
    emailUndeliverable: boolean;
  };
  memberships: Membership[];
  networkRoles: Array<{ role: NetworkRoleName; network: NetworkRef }>;
};

export type Membership = {
  role: MembershipRole;
  status: MembershipStatus;
  canTrade: boolean;
  organisation: { id: string; name: string; kind: OrganisationKind; status: OrganisationStatus; city: string };
};

export type Session = Me & { token: string; expiresAt: string };

export type OrganisationSummary = {
  id: string;
  name: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  description: string;
  city: string;
  postcode: string;
  territoryCode: string | null;
  website: string | null;
  networks: NetworkRef[];
  createdAt: string;
};

export type OrganisationDetail = OrganisationSummary & {
  /** Contact details: present for signed-in people only. */
  address?: string;
  contactEmail?: string | null;
  phone?: string | null;
  /** Why the network refused the structure: for its own people and its admins. */
  rejectionReason?: string | null;
  latitude: number | null;
  longitude: number | null;
  viewer: { role: MembershipRole | null; membershipStatus: MembershipStatus | null; canEdit: boolean };
};

export type OrganisationPage = { organisations: OrganisationSummary[]; nextCursor: string | null };

export type Member = {
  user: { id: string; name: string; email: string };
  role: MembershipRole;
  status: MembershipStatus;
  createdAt: string;
};

export type OrganisationForReview = OrganisationSummary & {
  reviewedAt: string | null;
  rejectionReason: string | null;
  managers: Array<{ name: string; email: string }>;
};

/* The catalogue: categories, territories, items, service offers, needs. */

export type { ListingStatus, ListingVisibility, SearchSort };
/** What a lender may ask of a listing's status (`pending_review` and `hidden` are the moderators'). */
export type LenderStatus = (typeof lenderStatuses)[number];
export type ItemCondition = (typeof itemConditions)[number];
export type ItemFee = (typeof itemFees)[number];
export type ServiceDomain = (typeof serviceDomains)[number];
export type ServiceFormat = (typeof serviceFormats)[number];
export type ServiceParticipation = (typeof serviceParticipations)[number];
export type NeedKind = (typeof needKinds)[number];
export type NeedStatus = (typeof needStatuses)[number];

export type Category = { id: string; parentId: string | null; name: string; nameFr: string; nameEn: string };
export type Commune = { inseeCode: string; name: string; postcode: string; latitude: number; longitude: number };
export type Territory = { code: string; name: string; region: string; communes: Commune[] };

export type Photo = {
  id: string;
  width: number;
  height: number;
  alt: string;
  urls: { small: string; medium: string; large: string };
};

/** The structure a listing belongs to, as listings show it. */
export type ListingOwner = { id: string; name: string; kind: OrganisationKind; city: string };

/** Every list of the catalogue comes in the same envelope (yes, `items` for services and needs too). */
export type ListingPage<T> = { items: T[]; nextCursor: string | null };

type ListingSummaryBase = {
  id: string;
  title: string;
  excerpt: string;
  city: string;
  postcode: string;
  territoryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  status: ListingStatus;
  visibility: ListingVisibility;
  organisation: ListingOwner;
  photo: Photo | null;
  distanceKm: number | null;
  createdAt: string;
};

export type ItemSummary = ListingSummaryBase & {
  kind: 'item';
  category: { id: string; name: string; parentId: string | null };
  quantity: number;
  condition: ItemCondition;
  fee: ItemFee;
  feeAmount: number | null;
  deposit: number | null;
};

export type ItemDetail = {
  id: string;
  kind: 'item';
  title: string;
  description: string;
  category: { id: string; name: string; parentId: string | null };
  quantity: number;
  condition: ItemCondition;
  replacementValue: number;
  deposit: number | null;
  fee: ItemFee;
  feeAmount: number | null;
  pickupAddress: string;
  pickupCity: string;
  pickupPostcode: string;
  pickupInstructions: string;
  territoryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  usageRules: string;
  minLoanDays: number;
  maxLoanDays: number | null;
  minNoticeDays: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) of pickup and return. */
  handoverWeekdays: number[];
  handoverOpensAt: string | null;
  handoverClosesAt: string | null;
  bufferDays: number;
  horizonDays: number;
  visibility: ListingVisibility;
  status: ListingStatus;
  organisation: ListingOwner;
  photos: Photo[];
  viewer: { canEdit: boolean; canBorrow: boolean };
  createdAt: string;
  updatedAt: string;
};

export type ServiceSummary = ListingSummaryBase & {
  kind: 'service';
  domain: ServiceDomain;
  format: ServiceFormat;
  durationMinutes: number | null;
  participation: ServiceParticipation;
  price: number | null;
};

export type ServiceDetail = ServiceSummary & {
  description: string;
  providerName: string;
  photos: Photo[];
  /** Weekly slots (Paris time); `onRequest`: other times can be asked for too. */
  slots: ServiceSlot[];
  onRequest: boolean;
  viewer: { canEdit: boolean; canBorrow: boolean };
  updatedAt: string;
};

export type ListingSummary = ItemSummary | ServiceSummary;

/** GET /api/organisations/:id/listings: a structure's own listings, in every status. */
export type OrganisationListings = { items: ItemSummary[]; services: ServiceSummary[] };

export type ImportRow = {
  line: number;
  status: 'valid' | 'created' | 'invalid';
  title: string;
  itemId?: string;
  errors: Array<{ field: string; message: string }>;
};
export type ImportReport = { dryRun: boolean; created: number; rows: ImportRow[] };

export type NeedSummary = {
  id: string;
  kind: NeedKind;
  title: string;
  excerpt: string;
  categoryId: string | null;
  serviceDomain: ServiceDomain | null;
  /** Calendar days, YYYY-MM-DD. */
  neededFrom: string | null;
  neededUntil: string | null;
  territoryCode: string | null;
  status: NeedStatus;
  organisation: ListingOwner;
  responseCount: number;
  createdAt: string;
};

export type NeedResponse = {
  id: string;
  organisation: { id: string; name: string };
  author: { name: string };
  message: string;
  item: { id: string; title: string } | null;
  service: { id: string; title: string } | null;
  createdAt: string;
};

export type NeedDetail = NeedSummary & {
  description: string;
  visibility: ListingVisibility;
  responses: NeedResponse[];
  viewer: { canEdit: boolean; canRespond: boolean };
};

/** Bookings (demandes de prêt, réservations): the contract lives in the shared domain code. */
export type { Availability, AvailabilityDay, BlockedReason, BookingRole, Dashboard, UnavailableReason };
export type { Booking, BookingAction, BookingStatus, ServiceSlot };

export type BookingDetail = Booking & {
  events: Array<{
    action: string;
    fromStatus: BookingStatus | null;
    toStatus: BookingStatus;
    party: 'lender' | 'borrower' | 'system';
    actor: { id: string; name: string } | null;
    /** What the person typed, as typed (null for the platform's own steps). */
    note: string | null;
    /** Why the platform took this step: the app phrases it. */
    reasonCode: DeclineCode | 'no_answer' | null;
    at: string;
  }>;
};
/** A « panier »: one request to several lenders, and its overall state. */
export type BookingGroup = {
  id: string;
  startDate: string;
  endDate: string;
  state: 'waiting' | 'accepted' | 'partly_accepted' | 'refused' | 'cancelled' | 'finished';
  bookings: Booking[];
};
export type BookingMessage = {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  organisation: { id: string; name: string };
  mine: boolean;
  createdAt: string;
};
export type BookingList = { items: Booking[]; nextCursor: string | null };
export type CalendarFeed = { url: string; createdAt: string };
export type BlockedPeriod = { id: string; startDate: string; endDate: string; reason: BlockedReason; note: string };

/* Notifications: the bell, the preferences, one-click unsubscribe, the admins' mailbox. */

export type { DeclineCode, EmailMode, EmailStatus, NotificationKind };

export type AppNotification = {
  id: string;
  kind: NotificationKind;
  /** The event's codes and ids (`party`, `reasonCode`, `daysLate`, `expiresAt`…), never a sentence. */
  params: Record<string, unknown>;
  /** Where it leads: a path of the app. */
  link: string;
  /** Names to phrase it with, as they are now. */
  about: { title: string | null; organisationName: string | null };
  read: boolean;
  createdAt: string;
};
export type NotificationList = { notifications: AppNotification[]; unread: number; nextCursor: string | null };
export type NotificationPreference = { kind: NotificationKind; essential: boolean; email: EmailMode };

export type AdminEmailSummary = {
  id: string;
  /** A notification kind, or `digest`. */
  kind: string;
  to: string;
  locale: 'fr' | 'en';
  status: EmailStatus;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
  /** The mail server refused this address. */
  undeliverable: boolean;
};
export type AdminEmailList = {
  emails: AdminEmailSummary[];
  counts: Partial<Record<EmailStatus, number>>;
  nextCursor: string | null;
};
export type AdminEmail = AdminEmailSummary & {
  text: string | null;
  html: string | null;
  calendar: string | null;
  messageId: string | null;
};
export type RenderedEmail = { subject: string; text: string; html: string };
export type EmailTemplate = { kind: string; fr: RenderedEmail; en: RenderedEmail };

/* Account links (confirm an address, reset a password) and invitations. */

export type Invitation = { id: string; email: string; role: MembershipRole; expiresAt: string };
export type InvitationDetail = { organisationName: string; role: MembershipRole; email: string; hasAccount: boolean };
/** A single-use link of a new-request email: accept or decline without signing in. */
export type EmailAction = { action: 'accept' | 'decline'; booking: Booking };
