import type { AuditEntry } from '@mutua/server/contract';
import type { Translator } from '$lib/i18n';

export type AuditAction = AuditEntry['action'];

/** Every action code, in the order the filter offers them (a new code is a type error here until it is added). */
const actionOrder: Record<AuditAction, number> = {
  'organisation.approved': 1,
  'organisation.rejected': 2,
  'organisation.changes_requested': 3,
  'organisation.reopened': 4,
  'organisation.suspended': 5,
  'organisation.reinstated': 6,
  'membership.accepted': 7,
  'membership.role_changed': 8,
  'membership.removed': 9,
  'network_role.granted': 10,
  'network_role.revoked': 11,
  'listing.approved': 12,
  'listing.changes_requested': 13,
  'listing.hidden': 14,
  'listing.unhidden': 15,
  'listing.archived': 16,
  'message.hidden': 17,
  'report.resolved': 18,
  'loan.followed_up': 19,
  'user.suspended': 20,
  'user.reinstated': 21,
  'network.settings_changed': 22,
  'charter.published': 23,
  'category.changed': 24,
  'territory.changed': 25,
  'impact_factor.changed': 26,
  'data.exported': 27,
  'account.erasure_scheduled': 28,
  'account.erasure_cancelled': 29,
  'account.erased': 30,
};

export const auditActions = (Object.keys(actionOrder) as AuditAction[]).sort((a, b) => actionOrder[a] - actionOrder[b]);

/** A known `?action=`, else null (every action). */
export function auditActionOf(value: string | null): AuditAction | null {
  return value !== null && Object.hasOwn(actionOrder, value) ? (value as AuditAction) : null;
}

export type AuditChange = { field: string; before: string; after: string };

/** What changed, field by field, in the reader's words where the app knows them (a status, a role). */
export function auditChanges(t: Translator, entry: Pick<AuditEntry, 'before' | 'after'>): AuditChange[] {
  const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  const value = (field: string, side: Record<string, unknown> | null) => {
    if (!side || !(field in side) || side[field] === null) return t('audit.nothing');
    const raw = side[field];
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    return t.maybe(`audit.values.${field}.${text}`) ?? text;
  };
  return fields.map((field) => ({
    field: t.maybe(`audit.fields.${field}`) ?? field,
    before: value(field, entry.before),
    after: value(field, entry.after),
  }));
}
