/**
 * The API's answers as TypeScript types, for the app (`@mutua/server/contract`): each one is the
 * `Static` of the TypeBox schema its route validates and documents, so the app reads exactly what
 * /api/docs says and a change of a schema is a type error where the app relies on it.
 * It names every answer of the API, whether the app reads it today or not. Types only: nothing
 * here reaches the browser bundle.
 */
import type { Static } from 'typebox';
import type { MeSchema, SessionListSchema, SessionSchema } from './accounts/schemas.ts';
import type { AuditListSchema } from './audit/schemas.ts';
import type {
  BookingGroupSchema,
  BookingListSchema,
  BlockedPeriodSchema,
  CalendarFeedSchema,
} from './domain/bookings.ts';
import type { EmailActionSchema, MessageSchema } from './domain/bookings.ts';
import type { ErrorBody, ErrorCode } from './domain/errors.ts';
import type { NotificationListSchema, NotificationPreferenceSchema } from './domain/notifications.ts';
import type { InventorySchema } from './inventory/schemas.ts';
import type {
  ImportReportSchema,
  ItemDetailSchema,
  ItemSearchResultSchema,
  ItemSummarySchema,
} from './items/schemas.ts';
import type {
  CharterReadSchema,
  CharterSchema,
  CharterVersionListSchema,
  NetworkCharterListSchema,
  UnreadChartersSchema,
} from './charters/schemas.ts';
import type { ErasureScheduledSchema, PersonalDataExportSchema } from './privacy/schemas.ts';
import type {
  AdminCategoryListSchema,
  AdminCategorySchema,
  NetworkTerritoriesSchema,
} from './reference/admin-schemas.ts';
import type { InboxCountsSchema, InboxEntrySchema, InboxListSchema } from './inbox/schemas.ts';
import type { NetworkListSchema, NetworkSettingsSchema } from './network-settings/schemas.ts';
import type { PeopleListSchema, PersonSchema, SuspendedPersonSchema } from './people/schemas.ts';
import type { ImpactFactorSchema, ImpactMethodSchema, ImpactReportSchema } from './impact/schemas.ts';
import type { ModeratedListingListSchema, ModeratedListingSchema } from './listing-moderation/schemas.ts';
import type { ListingOwnerSchema } from './listings/schemas.ts';
import type { OrganisationForReviewSchema } from './moderation/schemas.ts';
import type {
  AdminReportDetailSchema,
  AdminReportListSchema,
  AdminReportSchema,
  MyReportListSchema,
  ReportCreatedSchema,
} from './reports/schemas.ts';
import type { NeedDetailSchema, NeedResponseSchema, NeedSearchResultSchema } from './needs/schemas.ts';
import type {
  AdminEmailListSchema,
  AdminEmailSchema,
  AdminEmailSummarySchema,
  EmailTemplateListSchema,
} from './notifications/admin-schemas.ts';
import type {
  InvitationDetailSchema,
  InvitationListSchema,
  MemberListSchema,
  OrganisationDetailSchema,
  OrganisationListSchema,
  OrganisationSummarySchema,
} from './organisations/schemas.ts';
import type { PhotoSchema } from './photos/schemas.ts';
import type { CategoryListSchema, TerritoryListSchema } from './reference/schemas.ts';
import type { ServiceDetailSchema, ServiceSearchResultSchema, ServiceSummarySchema } from './service-offers/schemas.ts';

/* The domain's names the answers use. */
export type { BookingAction, BookingStatus } from './domain/booking-lifecycle.ts';
export type { BlockedReason, BookingRole, UnavailableReason } from './domain/bookings.ts';
export type {
  ItemCondition,
  ItemFee,
  LenderStatus,
  ListingStatus,
  ListingVisibility,
  NeedKind,
  NeedStatus,
  SearchSort,
  ServiceDomain,
  ServiceFormat,
  ServiceParticipation,
} from './domain/catalogue.ts';
export type { DeclineCode, EmailMode, EmailStatus, NotificationKind } from './domain/notifications.ts';
export type { MembershipRole, OrganisationKind, OrganisationStatus } from './domain/organisations.ts';

/** Every 4xx and 5xx body; `details` names the fields in cause (`{ path, code, message }`). */
export type ApiError = ErrorBody & { error: ErrorCode | (string & {}) };
export type { ErrorDetail } from './domain/errors.ts';

/* The person, their structures and sessions. */
export type Me = Static<typeof MeSchema>;
export type Membership = Me['memberships'][number];
export type MembershipStatus = Membership['status'];
export type Session = Static<typeof SessionSchema>;
export type SessionList = Static<typeof SessionListSchema>;

/* Structures, their members and invitations, and the admins' review. */
export type OrganisationSummary = Static<typeof OrganisationSummarySchema>;
export type NetworkRef = OrganisationSummary['networks'][number];
export type OrganisationDetail = Static<typeof OrganisationDetailSchema>;
export type OrganisationPage = Static<typeof OrganisationListSchema>;
export type MemberList = Static<typeof MemberListSchema>;
export type Member = MemberList['members'][number];
export type OrganisationForReview = Static<typeof OrganisationForReviewSchema>;
export type InvitationList = Static<typeof InvitationListSchema>;
export type Invitation = InvitationList['invitations'][number];
export type InvitationDetail = Static<typeof InvitationDetailSchema>;

/* The catalogue: categories, territories, items, service offers, needs. */
export type CategoryList = Static<typeof CategoryListSchema>;
export type Category = CategoryList['categories'][number];
export type TerritoryList = Static<typeof TerritoryListSchema>;
export type Territory = TerritoryList['territories'][number];
export type Commune = Territory['communes'][number];
export type Photo = Static<typeof PhotoSchema>;
export type ListingOwner = Static<typeof ListingOwnerSchema>;
export type ItemSummary = Static<typeof ItemSummarySchema>;
export type ItemDetail = Static<typeof ItemDetailSchema>;
export type ItemSearchResult = Static<typeof ItemSearchResultSchema>;
export type ServiceSummary = Static<typeof ServiceSummarySchema>;
export type ServiceDetail = Static<typeof ServiceDetailSchema>;
export type ServiceSearchResult = Static<typeof ServiceSearchResultSchema>;
export type ListingSummary = ItemSummary | ServiceSummary;
/** GET /api/organisations/:id/listings: a structure's own listings, in every status. */
export type Inventory = Static<typeof InventorySchema>;
export type ImportReport = Static<typeof ImportReportSchema>;
export type ImportRow = ImportReport['rows'][number];
export type NeedSearchResult = Static<typeof NeedSearchResultSchema>;
export type NeedSummary = NeedSearchResult['items'][number];
export type NeedResponse = Static<typeof NeedResponseSchema>;
export type NeedDetail = Static<typeof NeedDetailSchema>;

/* Loans and services booked, their messages and calendars. */
export type {
  Availability,
  AvailabilityDay,
  Booking,
  BookingDetail,
  Dashboard,
  ServiceSlot,
} from './domain/bookings.ts';
export type BookingGroup = Static<typeof BookingGroupSchema>;
export type BookingMessage = Static<typeof MessageSchema>;
export type BookingList = Static<typeof BookingListSchema>;
export type CalendarFeed = Static<typeof CalendarFeedSchema>;
export type BlockedPeriod = Static<typeof BlockedPeriodSchema>;
/** A single-use link of a new-request email: accept or decline without signing in. */
export type EmailAction = Static<typeof EmailActionSchema>;

/* Notifications: the bell, the preferences, the admins' mailbox. */
export type NotificationList = Static<typeof NotificationListSchema>;
export type AppNotification = NotificationList['notifications'][number];
export type NotificationPreference = Static<typeof NotificationPreferenceSchema>;
export type AdminEmailSummary = Static<typeof AdminEmailSummarySchema>;
export type AdminEmailList = Static<typeof AdminEmailListSchema>;
export type AdminEmail = Static<typeof AdminEmailSchema>;
export type EmailTemplateList = Static<typeof EmailTemplateListSchema>;
export type EmailTemplate = EmailTemplateList['templates'][number];
export type RenderedEmail = EmailTemplate['fr'];

/* The admins' audit log (journal). */
export type AuditList = Static<typeof AuditListSchema>;
export type AuditEntry = AuditList['entries'][number];

/* Moderation of listings, and reports. */
export type ModeratedListing = Static<typeof ModeratedListingSchema>;
export type ModeratedListingList = Static<typeof ModeratedListingListSchema>;
export type AdminReport = Static<typeof AdminReportSchema>;
export type AdminReportList = Static<typeof AdminReportListSchema>;
export type AdminReportDetail = Static<typeof AdminReportDetailSchema>;
export type MyReportList = Static<typeof MyReportListSchema>;
export type ReportCreated = Static<typeof ReportCreatedSchema>;

/* The impact and reciprocity dashboard, its method and factors. */
export type ImpactReport = Static<typeof ImpactReportSchema>;
export type ImpactMethod = Static<typeof ImpactMethodSchema>;
export type ImpactFactor = Static<typeof ImpactFactorSchema>;

/* Personal data: the export and the scheduled erasure. */
export type PersonalDataExport = Static<typeof PersonalDataExportSchema>;
export type ErasureScheduled = Static<typeof ErasureScheduledSchema>;

/* Network charters, and the reference data admins manage. */
export type Charter = Static<typeof CharterSchema>;
export type CharterVersionList = Static<typeof CharterVersionListSchema>;
export type NetworkCharterList = Static<typeof NetworkCharterListSchema>;
export type UnreadCharters = Static<typeof UnreadChartersSchema>;
export type CharterRead = Static<typeof CharterReadSchema>;
export type AdminCategory = Static<typeof AdminCategorySchema>;
export type AdminCategoryList = Static<typeof AdminCategoryListSchema>;
export type NetworkTerritories = Static<typeof NetworkTerritoriesSchema>;

/* The moderation inbox, people, and a network's settings. */
export type InboxList = Static<typeof InboxListSchema>;
export type InboxEntry = Static<typeof InboxEntrySchema>;
export type InboxCounts = Static<typeof InboxCountsSchema>;
export type Person = Static<typeof PersonSchema>;
export type PeopleList = Static<typeof PeopleListSchema>;
export type SuspendedPerson = Static<typeof SuspendedPersonSchema>;
export type NetworkSettings = Static<typeof NetworkSettingsSchema>;
export type NetworkList = Static<typeof NetworkListSchema>;
