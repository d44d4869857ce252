import type { MembershipRole, NetworkRoleName } from '../domain/organisations.ts';

/**
 * Who may do what, as data. A permission is granted by a role: a role in a structure (member,
 * manager) over what the structure owns or does, or a role in a network (moderator, admin) over
 * the structures of that network. Personal things (one's account, notifications) need no
 * permission: they are the caller's own.
 *
 * What we decided a structure wants:
 * - its **members** do the day-to-day of sharing: publish and edit its listings and needs, ask
 *   to borrow for it, answer the requests it receives, record hand-overs and returns, talk with
 *   the other side. The person who keeps the tonnelle answers for it.
 * - its **managers** also speak for the structure as a whole: its profile and contact details,
 *   who belongs to it and with which role, invitations, the calendar feed everybody subscribes
 *   to, a bulk import of an inventory, and why the network refused it.
 * - a network's **moderators** look after the catalogue and the day-to-day: they see every
 *   listing of the network's structures, published or not, review, hide and archive them,
 *   handle reports and the loans that need a human, from the moderation inbox.
 * - a network's **admins** also approve, refuse and suspend structures and people, read the
 *   network's mailbox and audit log, appoint moderators, edit the network's settings, charter,
 *   categories and impact factors, read the impact dashboard, answer personal-data requests,
 *   and see every structure's contact details and review.
 * - any **member** of a structure may report a listing, a message or a structure.
 */
export const structurePermissions = [
  'organisation.view_team',
  'organisation.edit',
  'organisation.manage_members',
  'organisation.view_review',
  'calendar.view',
  'calendar.manage',
  'listing.view_unpublished',
  'listing.create',
  'listing.edit',
  'inventory.import',
  'need.respond',
  'booking.request',
  'booking.view',
  'booking.answer',
  'booking.handover',
  'booking.cancel',
  'booking.message',
  'report.create',
] as const;

export const networkPermissions = [
  'network.see_listings',
  'network.moderate_listings',
  'network.review_organisations',
  'network.read_emails',
  'network.read_audit',
  'network.read_inbox',
  'network.handle_reports',
  'network.follow_up_loans',
  'network.suspend_people',
  'network.manage_moderators',
  'network.manage_settings',
  'network.manage_categories',
  'network.manage_impact',
  'network.read_impact',
  'network.handle_personal_data',
  'organisation.view_review',
] as const;

/** Granted by what the caller may see, signed in or not: reading a structure or a listing. */
export const audiencePermissions = ['organisation.view', 'organisation.view_contacts', 'listing.view'] as const;

export type StructurePermission = (typeof structurePermissions)[number];
export type NetworkPermission = (typeof networkPermissions)[number];
export type AudiencePermission = (typeof audiencePermissions)[number];
export type Permission = StructurePermission | NetworkPermission | AudiencePermission;

const memberGrants = [
  'organisation.view_team',
  'calendar.view',
  'listing.view_unpublished',
  'listing.create',
  'listing.edit',
  'need.respond',
  'booking.request',
  'booking.view',
  'booking.answer',
  'booking.handover',
  'booking.cancel',
  'booking.message',
  'report.create',
] as const satisfies readonly StructurePermission[];

export const structureRoleGrants: Record<MembershipRole, readonly StructurePermission[]> = {
  member: memberGrants,
  manager: [
    ...memberGrants,
    'organisation.edit',
    'organisation.manage_members',
    'organisation.view_review',
    'calendar.manage',
    'inventory.import',
  ],
};

const moderatorGrants = [
  'network.see_listings',
  'network.moderate_listings',
  'network.read_inbox',
  'network.handle_reports',
  'network.follow_up_loans',
] as const satisfies readonly NetworkPermission[];

export const networkRoleGrants: Record<NetworkRoleName, readonly NetworkPermission[]> = {
  moderator: moderatorGrants,
  admin: [
    ...moderatorGrants,
    'network.review_organisations',
    'network.read_emails',
    'network.read_audit',
    'network.suspend_people',
    'network.manage_moderators',
    'network.manage_settings',
    'network.manage_categories',
    'network.manage_impact',
    'network.read_impact',
    'network.handle_personal_data',
    'organisation.view_review',
  ],
};

/**
 * Permissions that commit the structure to others: they wait until the structure is approved
 * (active) and the person has confirmed their address.
 */
export const tradingPermissions: ReadonlySet<Permission> = new Set<Permission>([
  'listing.create',
  'listing.edit',
  'inventory.import',
  'need.respond',
  'booking.request',
  'booking.answer',
]);

export function grantedInStructure(role: MembershipRole, permission: Permission): boolean {
  return (structureRoleGrants[role] as readonly Permission[]).includes(permission);
}

export function grantedInNetwork(role: NetworkRoleName, permission: Permission): boolean {
  return (networkRoleGrants[role] as readonly Permission[]).includes(permission);
}
