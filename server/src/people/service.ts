import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { recordEvent } from '../events/record.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import {
  clearSuspension,
  countOpenLoansRequestedBy,
  deleteSessionsOf,
  isAdminOfAny,
  markSuspended,
  selectAffiliations,
  selectPeople,
  selectPerson,
} from './queries.ts';
import { declineRequestsOfSuspendedPerson } from './requests.ts';
import type { PeopleList, PeopleQuery, Person } from './schemas.ts';

/** /admin/personnes: the people of the admin's networks' structures, by name. */
export async function listPeople(db: Database, actor: Actor, query: PeopleQuery): Promise<PeopleList> {
  const { networkIds } = await requireAccess(db, actor, 'network.suspend_people', 'networks');
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
  const rows = await selectPeople(db, {
    networkIds,
    q: query.q?.trim() || undefined,
    after: after ? { name: after[0]!, id: after[1]! } : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    people: await present(db, page, networkIds),
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

/**
 * Suspends a person: they can no longer sign in, their sessions end now, the requests they made
 * that wait for an answer are declined (`requester_suspended`); the loans they asked for that were
 * accepted stay open and reach the inbox (`party_suspended`). Their structures, and so their
 * structures' listings, are untouched: a listing is the structure's, not the person's.
 */
export async function suspendPerson(db: Database, actor: Actor, userId: string, reason: string) {
  const { networkIds } = await requireAccess(db, actor, 'network.suspend_people', { person: userId });
  if (userId === actor.user.id) {
    throw new AppError('forbidden', 'Vous ne pouvez pas suspendre votre propre compte.');
  }
  if (await isAdminOfAny(db, userId, networkIds)) {
    throw new AppError(
      'forbidden',
      'Cette personne administre votre réseau : une administratrice ou un administrateur ne peut pas en suspendre un·e autre.',
    );
  }
  const declinedRequests = await db.transaction(async (tx) => {
    const suspended = await markSuspended(tx, userId, reason);
    if (!suspended) return null;
    await deleteSessionsOf(tx, userId);
    const declined = await declineRequestsOfSuspendedPerson(tx, userId);
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'user.suspended',
      target: { type: 'user', id: userId },
      networkIds,
      before: { suspended: false },
      after: { suspended: true },
      note: reason,
    });
    await recordEvent(tx, { type: 'account.suspended', actorId: actor.user.id, userId, params: { reason } });
    return declined;
  });
  if (declinedRequests === null) {
    throw new AppError('person_status_conflict', 'Cette personne est déjà suspendue.');
  }
  return {
    person: await personFor(db, userId, networkIds),
    declinedRequests,
    openLoans: await countOpenLoansRequestedBy(db, userId),
  };
}

/** Lifts a person's suspension: they may sign in again. */
export async function reinstatePerson(db: Database, actor: Actor, userId: string) {
  const { networkIds } = await requireAccess(db, actor, 'network.suspend_people', { person: userId });
  const lifted = await db.transaction(async (tx) => {
    const before = await clearSuspension(tx, userId);
    if (!before) return false;
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'user.reinstated',
      target: { type: 'user', id: userId },
      networkIds,
      before: { suspended: true },
      after: { suspended: false },
    });
    await recordEvent(tx, { type: 'account.reinstated', actorId: actor.user.id, userId, params: {} });
    return true;
  });
  if (!lifted) throw new AppError('person_status_conflict', 'Cette personne n’est pas suspendue.');
  return personFor(db, userId, networkIds);
}

async function personFor(db: Database, userId: string, networkIds: string[]): Promise<Person> {
  const row = await selectPerson(db, userId);
  if (!row) throw new AppError('not_found', 'Personne introuvable.');
  const [person] = await present(db, [row], networkIds);
  return person!;
}

type PersonRow = NonNullable<Awaited<ReturnType<typeof selectPerson>>>;

async function present(db: Database, rows: PersonRow[], networkIds: string[]): Promise<Person[]> {
  const { structures, roles } = await selectAffiliations(
    db,
    rows.map((row) => row.id),
    networkIds,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    suspended: row.suspendedAt !== null,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    suspensionReason: row.suspensionReason,
    structures: structures
      .filter((structure) => structure.userId === row.id)
      .map(({ id, name, role, status }) => ({ id, name, role, status })),
    networkRoles: roles
      .filter((role) => role.userId === row.id)
      .map(({ networkId, networkName, role }) => ({ networkId, networkName, role })),
  }));
}
