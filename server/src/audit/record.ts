import type { Database } from '../db/client.ts';
import { auditEntries } from '../db/schema/audit.ts';
import type { AuditAction, AuditTarget } from '../domain/audit.ts';

export type AuditRecord = {
  actorId: string | null;
  action: AuditAction;
  target: { type: AuditTarget; id: string };
  organisationId?: string | null;
  /** The networks in whose name the action was taken: their admins read the entry. */
  networkIds: string[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  note?: string | null;
};

/** Records one entry of the audit log, in the transaction of the change it describes. */
export async function recordAudit(db: Database, entry: AuditRecord): Promise<void> {
  await db.insert(auditEntries).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    organisationId: entry.organisationId ?? null,
    networkIds: entry.networkIds,
    before: entry.before ?? null,
    after: entry.after ?? null,
    note: entry.note ?? null,
  });
}
