import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { memberships } from '../db/schema/memberships.ts';
import { organisations } from '../db/schema/organisations.ts';
import { users } from '../db/schema/users.ts';
import type { OrganisationStatus } from '../domain/organisations.ts';
import { selectOrganisations } from '../organisations/queries.ts';

/**
 * Structures of the given networks in a status, oldest request first, with their managers; only
 * the one named by `id` when given (the answer after an admin acted on it).
 */
export async function selectOrganisationsForReview(
  db: Database,
  networkIds: string[],
  status: OrganisationStatus,
  id?: string,
) {
  const rows = await selectOrganisations(db, { statuses: [status], networkIds, id, limit: 500 });
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [reviews, managers] = await Promise.all([
    db
      .select({
        id: organisations.id,
        reviewedAt: organisations.reviewedAt,
        rejectionReason: organisations.rejectionReason,
      })
      .from(organisations)
      .where(inArray(organisations.id, ids)),
    db
      .select({ organisationId: memberships.organisationId, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(inArray(memberships.organisationId, ids), eq(memberships.role, 'manager'))),
  ]);
  return rows
    .map((row) => {
      const review = reviews.find((r) => r.id === row.id);
      return {
        ...row,
        reviewedAt: review?.reviewedAt?.toISOString() ?? null,
        rejectionReason: review?.rejectionReason ?? null,
        managers: managers.filter((m) => m.organisationId === row.id).map(({ name, email }) => ({ name, email })),
      };
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Compare-and-set: only a pending structure is decided, so two admins clicking at once decide once. */
export async function decidePendingOrganisation(
  db: Database,
  organisationId: string,
  decision: { status: 'active' | 'rejected'; reviewedBy: string; rejectionReason: string | null },
) {
  const [row] = await db
    .update(organisations)
    .set({ ...decision, reviewedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, organisationId), eq(organisations.status, 'pending')))
    .returning({ id: organisations.id });
  return row;
}

export async function selectStatus(db: Database, organisationId: string) {
  const [row] = await db
    .select({ status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.status;
}

/**
 * Compare-and-set of a structure's standing: it moves only from `from`, so two admins acting at
 * once act once. A structure back in the queue no longer shows the reason it was refused for
 * (the audit log keeps it).
 */
export async function moveOrganisationStatus(
  db: Database,
  organisationId: string,
  from: OrganisationStatus,
  to: OrganisationStatus,
) {
  const [row] = await db
    .update(organisations)
    .set({ status: to, updatedAt: sql`now()`, ...(to === 'pending' ? { rejectionReason: null } : {}) })
    .where(and(eq(organisations.id, organisationId), eq(organisations.status, from)))
    .returning({ id: organisations.id });
  return row;
}

/** The loans a structure is a side of that were accepted and not yet returned: a suspension leaves them open. */
export async function countOpenLoans(db: Database, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ open: count() })
    .from(bookings)
    .where(
      and(
        inArray(bookings.status, ['accepted', 'picked_up']),
        or(eq(bookings.lenderOrganisationId, organisationId), eq(bookings.borrowerOrganisationId, organisationId)),
      ),
    );
  return row?.open ?? 0;
}
