/**
 * The shapes the Mutua API answers with, as the app reads them (see /api/docs/json).
 * Types only: the enums come from the shared domain code, nothing here reaches the browser bundle.
 */
import type { ErrorCode } from '@mutua/server/domain/errors';
import type { MembershipRole, NetworkRoleName, OrganisationKind, OrganisationStatus } from '@mutua/server/domain/organisations';

export type { MembershipRole, OrganisationKind, OrganisationStatus };
export type MembershipStatus = 'pending' | 'active';

export type FieldError = { field: string; rule: string; message: string };
export type ApiError = { error: ErrorCode | (string & {}); message: string; details?: FieldError[] | unknown };

export type NetworkRef = { id: string; slug: string; name: string };

export type Me = {
  user: { id: string; email: string; name: string; locale: 'fr' | 'en' };
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
