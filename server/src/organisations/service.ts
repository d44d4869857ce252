import type { Actor } from '../auth/actor.ts';
import { activeMembershipOf, adminNetworkIds, requireManagerOf } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { recordEvent } from '../notifications/record.ts';
import type { OrganisationPatch } from '../domain/organisations.ts';
import { AppError } from '../domain/errors.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import {
  countActiveManagers,
  locate,
  deleteMembership,
  lockOrganisation,
  selectMembers,
  selectMembership,
  selectOrganisation,
  selectOrganisations,
  updateMembership,
  updateOrganisationRow,
} from './queries.ts';
import type { OrganisationListQuery } from './schemas.ts';

const notFound = () => new AppError('not_found', 'Structure introuvable.');

/** The directory: approved structures only. */
export async function listOrganisations(db: Database, query: OrganisationListQuery) {
  const limit = query.limit ?? 30;
  const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
  const rows = await selectOrganisations(db, {
    statuses: ['active'],
    q: query.q,
    territory: query.territory,
    kind: query.kind,
    networkIds: query.network ? [query.network] : undefined,
    after: after ? { name: after[0]!, id: after[1]! } : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { organisations: page, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
}

/**
 * One structure. An approved one is public (contact details for signed-in people only);
 * any other is seen only by its own people and by the admins of its networks.
 */
export async function getOrganisation(db: Database, actor: Actor | null, id: string) {
  const organisation = await selectOrganisation(db, id);
  if (!organisation) throw notFound();
  const membership = actor?.memberships.find((m) => m.organisation.id === id);
  const isAdmin = actor ? organisation.networks.some((n) => adminNetworkIds(actor).includes(n.id)) : false;
  if (organisation.status !== 'active' && !membership && !isAdmin) throw notFound();
  const { address, contactEmail, phone, rejectionReason, ...publicFields } = organisation;
  const viewer = {
    role: membership?.role ?? null,
    membershipStatus: membership?.status ?? null,
    canEdit: membership?.status === 'active' && membership.role === 'manager',
  };
  if (!actor) return { ...publicFields, viewer };
  // Why a structure was refused is for its own people and the admins who decided.
  const review = membership || isAdmin ? { rejectionReason } : {};
  return { ...publicFields, address, contactEmail, phone, ...review, viewer };
}

export async function updateOrganisation(db: Database, actor: Actor, id: string, patch: OrganisationPatch) {
  requireManagerOf(actor, id);
  const current = await selectOrganisation(db, id);
  if (!current) throw notFound();
  const changes: Parameters<typeof updateOrganisationRow>[2] = { ...patch };
  if (patch.name) changes.name = patch.name.trim();
  if (patch.city !== undefined || patch.postcode !== undefined) {
    Object.assign(changes, await locate(db, patch.city ?? current.city, patch.postcode ?? current.postcode));
  }
  const updated = await updateOrganisationRow(db, id, changes).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new AppError('organisation_exists', 'Une autre structure porte déjà ce nom à ce code postal.');
    }
    throw error;
  });
  if (!updated) throw notFound();
  return getOrganisation(db, actor, id);
}

/** Members of a structure: its active members see the team, managers also see requests to join. */
export async function listMembers(db: Database, actor: Actor, organisationId: string) {
  const membership = activeMembershipOf(actor, organisationId);
  if (!membership) throw notFound();
  return { members: await selectMembers(db, organisationId, membership.role === 'manager') };
}

export async function acceptMember(db: Database, actor: Actor, organisationId: string, userId: string) {
  requireManagerOf(actor, organisationId);
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await selectMembership(tx, organisationId, userId);
    if (!membership) throw new AppError('not_found', "Cette personne n'a pas demandé à rejoindre la structure.");
    if (membership.status !== 'pending') {
      throw new AppError('membership_not_pending', 'Cette personne est déjà membre de la structure.');
    }
    await updateMembership(tx, organisationId, userId, { status: 'active' });
    await recordEvent(tx, { type: 'membership.accepted', actorId: actor.user.id, organisationId, userId });
  });
  return listMembers(db, actor, organisationId);
}

export async function changeMemberRole(
  db: Database,
  actor: Actor,
  organisationId: string,
  userId: string,
  role: 'member' | 'manager',
) {
  requireManagerOf(actor, organisationId);
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await selectMembership(tx, organisationId, userId);
    if (!membership || membership.status !== 'active') throw new AppError('not_found', 'Membre introuvable.');
    if (membership.role === 'manager' && role === 'member') await keepOneManager(tx, organisationId);
    await updateMembership(tx, organisationId, userId, { role });
  });
  return listMembers(db, actor, organisationId);
}

/** A manager declines a request or removes a member; anyone may leave a structure. */
export async function removeMember(db: Database, actor: Actor, organisationId: string, userId: string) {
  if (userId !== actor.user.id) requireManagerOf(actor, organisationId);
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await selectMembership(tx, organisationId, userId);
    if (!membership) throw new AppError('not_found', 'Membre introuvable.');
    if (membership.role === 'manager' && membership.status === 'active') await keepOneManager(tx, organisationId);
    await deleteMembership(tx, organisationId, userId);
  });
}

async function keepOneManager(db: Database, organisationId: string) {
  if ((await countActiveManagers(db, organisationId)) <= 1) {
    throw new AppError(
      'last_manager',
      'La structure doit garder au moins un·e gestionnaire : nommez-en un·e autre d’abord.',
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: string }).code === '23505') return true;
  }
  return false;
}
