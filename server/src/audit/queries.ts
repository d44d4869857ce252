import { and, arrayOverlaps, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { auditEntries } from '../db/schema/audit.ts';
import { organisations } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import type { AuditAction } from '../domain/audit.ts';

export type AuditFilters = {
  networkIds: string[];
  action?: AuditAction;
  organisationId?: string;
  actorId?: string;
  /** Instants: from included, until excluded. */
  from?: Date;
  until?: Date;
  q?: string;
  beforeId?: number;
  limit: number;
};

const subjects = alias(users, 'subject');

/** Entries of these networks, newest first; names as they are now (null once erased or deleted). */
export async function selectAuditEntries(db: Database, filters: AuditFilters) {
  const conditions: (SQL | undefined)[] = [
    arrayOverlaps(auditEntries.networkIds, filters.networkIds),
    filters.action ? eq(auditEntries.action, filters.action) : undefined,
    filters.organisationId ? eq(auditEntries.organisationId, filters.organisationId) : undefined,
    filters.actorId ? eq(auditEntries.actorId, filters.actorId) : undefined,
    filters.from ? gte(auditEntries.at, filters.from) : undefined,
    filters.until ? lt(auditEntries.at, filters.until) : undefined,
    filters.beforeId ? lt(auditEntries.id, filters.beforeId) : undefined,
  ];
  if (filters.q) {
    const pattern = `%${filters.q.trim().replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(
      or(
        sql`unaccent(${auditEntries.note}) ilike unaccent(${pattern})`,
        sql`unaccent(${organisations.name}) ilike unaccent(${pattern})`,
        sql`unaccent(${users.name}) ilike unaccent(${pattern})`,
        sql`unaccent(${subjects.name}) ilike unaccent(${pattern})`,
      ),
    );
  }
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      actorId: auditEntries.actorId,
      actorName: users.name,
      targetType: auditEntries.targetType,
      targetId: auditEntries.targetId,
      targetName: subjects.name,
      organisationId: auditEntries.organisationId,
      organisationName: organisations.name,
      before: auditEntries.before,
      after: auditEntries.after,
      note: auditEntries.note,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .leftJoin(
      subjects,
      and(
        inArray(auditEntries.targetType, ['membership', 'user']),
        sql`${subjects.id}::text = ${auditEntries.targetId}`,
      ),
    )
    .leftJoin(organisations, eq(organisations.id, auditEntries.organisationId))
    .where(and(...conditions))
    .orderBy(desc(auditEntries.id))
    .limit(filters.limit);
}
