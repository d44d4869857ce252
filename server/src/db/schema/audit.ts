import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditActions, auditTargets } from '../../domain/audit.ts';

const list = (codes: readonly string[]) => sql.raw(codes.map((code) => `'${code}'`).join(', '));

/**
 * The audit log: who did what, when, to what, with the values before and after. Append-only,
 * by a trigger (drizzle/0014_audit_append_only.sql): no row is ever updated or deleted. It keeps
 * ids, not foreign keys, so that it outlives what it speaks of (an erased account, a deleted
 * listing); names are looked up when it is read.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The person who acted; null for the platform itself (a sweep). */
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** The structure concerned, when there is one: for filtering. */
    organisationId: uuid('organisation_id'),
    /** The networks whose admins may read the entry. */
    networkIds: uuid('network_ids').array().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    /** What the person typed (a reason), as typed. */
    note: text('note'),
  },
  (table) => [
    index('audit_entries_networks_idx').using('gin', table.networkIds),
    index('audit_entries_organisation_idx').on(table.organisationId, table.id),
    index('audit_entries_at_idx').on(table.at),
    check('audit_entries_action', sql`${table.action} in (${list(auditActions)})`),
    check('audit_entries_target_type', sql`${table.targetType} in (${list(auditTargets)})`),
  ],
);
