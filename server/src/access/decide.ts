import type { Actor } from '../auth/actor.ts';
import type { ErrorCode } from '../domain/errors.ts';
import type { ListingVisibility } from '../domain/catalogue.ts';
import { organisationCanTrade, type OrganisationStatus } from '../domain/organisations.ts';
import {
  audiencePermissions,
  type AudiencePermission,
  grantedInNetwork,
  grantedInStructure,
  type Permission,
  tradingPermissions,
} from './permissions.ts';

/** What an access decision needs to know of the thing asked about, loaded by `targets.ts`. */
export type OrganisationTarget = { type: 'organisation'; id: string; status: OrganisationStatus; networkIds: string[] };
export type ListingTarget = {
  type: 'listing';
  id: string;
  organisationId: string;
  organisationStatus: OrganisationStatus;
  networkIds: string[];
  /** Published (or an open need), its structure active: what search may show. */
  findable: boolean;
  /** Hidden by the network's moderation: frozen for its structure until a moderator decides. */
  hidden: boolean;
  visibility: ListingVisibility;
};
export type BookingTarget = {
  type: 'booking';
  id: string;
  lenderOrganisationId: string;
  borrowerOrganisationId: string;
};
/** Network work that is not about one object (the review queue, the mailbox). */
export type NetworkArea = { type: 'networks' };
/** One network's own settings (charter, moderators, impact factors): anyone may know it exists. */
export type NetworkTarget = { type: 'network'; id: string };
/** A person, as their networks' staff see them: through the networks of their structures. */
export type PersonTarget = { type: 'person'; id: string; networkIds: string[] };
/** A report: for its reporter and the moderators of the networks it was made in. */
export type ReportTarget = { type: 'report'; id: string; reporterId: string | null; networkIds: string[] };
export type Target =
  OrganisationTarget | ListingTarget | BookingTarget | NetworkArea | NetworkTarget | PersonTarget | ReportTarget;

export type Refusal = { allowed: false; status: 401 | 403 | 404; code: ErrorCode };
export type Grant = {
  allowed: true;
  /** The structures the caller acts for here (the owner, or the booking's sides it stands on). */
  organisationIds: string[];
  /** The booking's sides the caller stands on with this permission. */
  sides: Array<'lender' | 'borrower'>;
  /** The networks whose role grants it. */
  networkIds: string[];
};
export type Decision = Grant | Refusal;

const refuse = (status: Refusal['status'], code: ErrorCode): Refusal => ({ allowed: false, status, code });
const grant = (parts: Partial<Omit<Grant, 'allowed'>>): Grant => ({
  allowed: true,
  organisationIds: [],
  sides: [],
  networkIds: [],
  ...parts,
});

/**
 * The one rule of refusals: what the caller may not know exists is a 404; what they may see but
 * not do is a 403; nobody signed in is a 401 (unless the permission is about reading what anyone sees).
 */
export function decide(actor: Actor | null, permission: Permission, target: Target): Decision {
  if ((audiencePermissions as readonly string[]).includes(permission)) {
    return decideAudience(actor, permission as AudiencePermission, target);
  }
  if (!actor) return refuse(401, 'unauthenticated');
  if (!sees(actor, target)) return refuse(404, 'not_found');
  const networkIds = staffNetworks(actor, permission, networksOf(target));
  if (target.type === 'booking') return decideBooking(actor, permission, target);
  const organisationId =
    target.type === 'organisation' ? target.id : target.type === 'listing' ? target.organisationId : null;
  const membership = organisationId ? activeMembership(actor, organisationId) : undefined;
  if (membership && grantedInStructure(membership.role, permission)) {
    const refusal = tradingRefusal(actor, permission, membership.organisation.status);
    if (refusal) return refusal;
    if (permission === 'listing.edit' && target.type === 'listing' && target.hidden)
      return refuse(403, 'listing_hidden');
    return grant({ organisationIds: [membership.organisation.id] });
  }
  if (networkIds.length > 0) return grant({ networkIds });
  return refuse(403, 'forbidden');
}

function decideBooking(actor: Actor, permission: Permission, booking: BookingTarget): Decision {
  const memberships = [
    ['lender', activeMembership(actor, booking.lenderOrganisationId)],
    ['borrower', activeMembership(actor, booking.borrowerOrganisationId)],
  ] as const;
  const standing = memberships.filter(
    ([, membership]) => membership && grantedInStructure(membership.role, permission),
  );
  if (standing.length === 0) return refuse(403, 'forbidden');
  // Someone on both sides acts only for the side whose structure may commit.
  const refusals = standing.map(([, m]) => tradingRefusal(actor, permission, m!.organisation.status));
  const able = standing.filter((_, index) => refusals[index] === null);
  if (able.length === 0) return refusals[0]!;
  return grant({
    sides: able.map(([side]) => side),
    organisationIds: able.map(([, m]) => m!.organisation.id),
  });
}

function tradingRefusal(actor: Actor, permission: Permission, status: OrganisationStatus): Refusal | null {
  if (!tradingPermissions.has(permission)) return null;
  if (!actor.user.emailVerified) return refuse(403, 'email_unverified');
  if (!organisationCanTrade(status)) return refuse(403, 'organisation_not_active');
  return null;
}

function decideAudience(actor: Actor | null, permission: AudiencePermission, target: Target): Decision {
  const visible = actor ? sees(actor, target) : seenByAnyone(target);
  if (!visible) return refuse(404, 'not_found');
  if (permission !== 'organisation.view_contacts') return grant({});
  if (!actor) return refuse(401, 'unauthenticated');
  return seesContacts(actor, target) ? grant({}) : refuse(403, 'forbidden');
}

/** Whether the caller may know the thing exists at all. */
export function sees(actor: Actor | null, target: Target): boolean {
  if (!actor) return seenByAnyone(target);
  switch (target.type) {
    case 'networks':
    case 'network':
      return true;
    case 'person':
      return target.id === actor.user.id || isStaffOf(actor, target.networkIds);
    case 'report':
      return target.reporterId === actor.user.id || isStaffOf(actor, target.networkIds);
    case 'organisation':
      return (
        target.status === 'active' ||
        actor.memberships.some((m) => m.organisation.id === target.id) ||
        isStaffOf(actor, target.networkIds)
      );
    case 'listing':
      return (
        Boolean(activeMembership(actor, target.organisationId)) ||
        isStaffOf(actor, target.networkIds) ||
        (target.findable && (target.visibility === 'all' || overlaps(audienceNetworks(actor), target.networkIds)))
      );
    case 'booking':
      return Boolean(
        activeMembership(actor, target.lenderOrganisationId) || activeMembership(actor, target.borrowerOrganisationId),
      );
  }
}

function seenByAnyone(target: Target): boolean {
  if (target.type === 'network') return true;
  if (target.type === 'organisation') return target.status === 'active';
  if (target.type === 'listing') return target.findable && target.visibility === 'all';
  return false;
}

/**
 * A structure's email, phone and address are for the people of approved structures that share
 * one of its networks, its own people and its networks' admins: not for anyone who registers.
 */
function seesContacts(actor: Actor, target: Target): boolean {
  if (target.type !== 'organisation') return false;
  if (activeMembership(actor, target.id)) return true;
  if (staffNetworks(actor, 'organisation.view_review', target.networkIds).length > 0) return true;
  return target.status === 'active' && overlaps(tradingNetworks(actor), target.networkIds);
}

/** The networks a target belongs to; null for network-wide work (any network the caller staffs). */
function networksOf(target: Target): string[] | null {
  switch (target.type) {
    case 'networks':
      return null;
    case 'network':
      return [target.id];
    case 'booking':
      return [];
    default:
      return target.networkIds;
  }
}

/** The networks of `among` (all of the caller's, for network-wide work) where a role of the caller grants `permission`. */
function staffNetworks(actor: Actor, permission: Permission, among: string[] | null): string[] {
  return actor.networkRoles
    .filter((r) => grantedInNetwork(r.role, permission))
    .map((r) => r.network.id)
    .filter((id) => among === null || among.includes(id));
}

export function activeMembership(actor: Actor, organisationId: string) {
  return actor.memberships.find((m) => m.organisation.id === organisationId && m.status === 'active');
}

function isStaffOf(actor: Actor, networkIds: string[]): boolean {
  return actor.networkRoles.some((r) => networkIds.includes(r.network.id));
}

/** The networks of the caller's approved structures. */
function tradingNetworks(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => m.status === 'active' && organisationCanTrade(m.organisation.status))
    .flatMap((m) => m.organisation.networkIds);
}

/** Whose « réseaux » listings the caller sees: their approved structures' networks and the networks they staff. */
export function audienceNetworks(actor: Actor | null): string[] {
  if (!actor) return [];
  return [...new Set([...tradingNetworks(actor), ...actor.networkRoles.map((r) => r.network.id)])];
}

const overlaps = (a: string[], b: string[]) => a.some((id) => b.includes(id));
