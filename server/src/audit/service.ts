import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import type { AuditAction, AuditTarget } from '../domain/audit.ts';
import { addDays, parisMidnight } from '../domain/calendar-days.ts';
import { fieldError } from '../domain/errors.ts';
import { decodeIdCursor, encodeCursor } from '../pagination/cursor.ts';
import { selectAuditEntries } from './queries.ts';
import type { AuditList, AuditQuery } from './schemas.ts';

/** /admin/journal: what was done in the admin's networks, newest first. */
export async function listAuditEntries(db: Database, actor: Actor, query: AuditQuery): Promise<AuditList> {
  const { networkIds } = await requireAccess(db, actor, 'network.read_audit', 'networks');
  if (query.from && query.to && query.from > query.to) {
    throw fieldError('to', 'La date de fin doit suivre la date de début.', 'order');
  }
  const limit = query.limit ?? 50;
  const rows = await selectAuditEntries(db, {
    networkIds,
    action: query.action,
    organisationId: query.organisationId,
    actorId: query.actorId,
    from: query.from ? parisMidnight(query.from) : undefined,
    until: query.to ? parisMidnight(addDays(query.to, 1)) : undefined,
    q: query.q?.trim() || undefined,
    beforeId: query.cursor ? decodeIdCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      action: row.action as AuditAction,
      actor: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
      targetType: row.targetType as AuditTarget,
      targetId: row.targetId,
      targetName: row.targetName,
      organisation:
        row.organisationId && row.organisationName !== null
          ? { id: row.organisationId, name: row.organisationName }
          : null,
      before: row.before ?? null,
      after: row.after ?? null,
      note: row.note,
    })),
    nextCursor: rows.length > limit ? encodeCursor([String(page.at(-1)!.id)]) : null,
  };
}
