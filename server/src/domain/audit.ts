import Type from 'typebox';
import { Nullable } from './nullable.ts';

/**
 * What the audit log records: every admin action and every sensitive change (roles, memberships,
 * suspensions, approvals, moderation of listings, impact factors, data exports and erasures).
 * A code, never a sentence; the app phrases it.
 */
export const auditActions = [
  'organisation.approved',
  'organisation.rejected',
  'organisation.reopened',
  'organisation.changes_requested',
  'organisation.suspended',
  'organisation.reinstated',
  'membership.accepted',
  'membership.role_changed',
  'membership.removed',
  'network_role.granted',
  'network_role.revoked',
  'listing.approved',
  'listing.changes_requested',
  'listing.hidden',
  'listing.unhidden',
  'listing.archived',
  'message.hidden',
  'loan.followed_up',
  'network.settings_changed',
  'charter.published',
  'category.changed',
  'territory.changed',
  'impact_factor.changed',
  'report.resolved',
  'user.suspended',
  'user.reinstated',
  'data.exported',
  'account.erasure_scheduled',
  'account.erasure_cancelled',
  'account.erased',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an entry is about. */
export const auditTargets = [
  'organisation',
  'membership',
  'network_role',
  'listing',
  'category',
  'territory',
  'impact_factor',
  'report',
  'user',
  'network',
  'booking',
  'message',
] as const;
export type AuditTarget = (typeof auditTargets)[number];

export const AuditEntrySchema = Type.Object({
  id: Type.String({ description: 'Identifiant (entier, croissant)' }),
  at: Type.String({ format: 'date-time' }),
  action: Type.Enum([...auditActions]),
  actor: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })),
  targetType: Type.Enum([...auditTargets]),
  targetId: Type.String(),
  organisation: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })),
  before: Nullable(Type.Record(Type.String(), Type.Unknown())),
  after: Nullable(Type.Record(Type.String(), Type.Unknown())),
  note: Nullable(Type.String({ description: 'Ce que la personne a écrit (un motif), tel quel' })),
});
export type AuditEntry = Type.Static<typeof AuditEntrySchema>;
