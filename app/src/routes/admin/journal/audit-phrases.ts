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
  'listing.hidden': 12,
  'listing.unhidden': 13,
  'listing.archived': 14,
  'report.resolved': 15,
  'user.suspended': 16,
  'user.reinstated': 17,
  'category.changed': 18,
  'territory.changed': 19,
  'impact_factor.changed': 20,
  'data.exported': 21,
  'account.erased': 22,
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
