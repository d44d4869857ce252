import type { Actor } from '../auth/actor.ts';
import { decide, type Target } from '../access/decide.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import { renewFeedAfterDeparture } from '../calendar/service.ts';
import type { Database } from '../db/client.ts';
import { recordEvent } from '../events/record.ts';
import type { OrganisationPatch } from '../domain/organisations.ts';
import { AppError } from '../domain/errors.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import { locate } from '../reference/queries.ts';
import {
  countActiveManagers,
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
 * One structure. An approved one is public; any other is seen only by its own people and the
 * staff of its networks. Its email, phone and address go to the people of approved structures
 * that share a network with it (not to anyone who registers); why it was refused, to its
 * managers and its networks' admins.
 */
export async function getOrganisation(db: Database, actor: Actor | null, id: string) {
  const { target } = await requireAccess(db, actor, 'organisation.view', { organisation: id });
  const organisation = await selectOrganisation(db, id);
  if (!organisation) throw notFound();
  const membership = actor?.memberships.find((m) => m.organisation.id === id);
  const { address, contactEmail, phone, rejectionReason, ...publicFields } = organisation;
  const seesContacts = decide(actor, 'organisation.view_contacts', target).allowed;
  const seesReview = decide(actor, 'organisation.view_review', target).allowed;
  const canEdit = decide(actor, 'organisation.edit', target).allowed;
  const viewer = {
    role: membership?.role ?? null,
    membershipStatus: membership?.status ?? null,
    canEdit,
    seesContacts,
  };
  return {
    ...publicFields,
    ...(seesContacts ? { address, contactEmail, phone } : {}),
    ...(seesReview ? { rejectionReason } : {}),
    viewer,
  };
}

export async function updateOrganisation(db: Database, actor: Actor, id: string, patch: OrganisationPatch) {
  await requireAccess(db, actor, 'organisation.edit', { organisation: id });
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
  const { target } = await requireAccess(db, actor, 'organisation.view_team', { organisation: organisationId });
  const managesMembers = decide(actor, 'organisation.manage_members', target).allowed;
  return { members: await selectMembers(db, organisationId, managesMembers) };
}

export async function acceptMember(db: Database, actor: Actor, organisationId: string, userId: string) {
  const { target } = await requireAccess(db, actor, 'organisation.manage_members', { organisation: organisationId });
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await selectMembership(tx, organisationId, userId);
    if (!membership) throw new AppError('not_found', "Cette personne n'a pas demandé à rejoindre la structure.");
    if (membership.status !== 'pending') {
      throw new AppError('membership_not_pending', 'Cette personne est déjà membre de la structure.');
    }
    await updateMembership(tx, organisationId, userId, { status: 'active' });
    await recordEvent(tx, { type: 'membership.accepted', actorId: actor.user.id, organisationId, userId });
    await recordAudit(tx, {
      ...membershipEntry(actor, target, organisationId, userId),
      action: 'membership.accepted',
      before: { status: 'pending' },
      after: { status: 'active' },
    });
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
  const { target } = await requireAccess(db, actor, 'organisation.manage_members', { organisation: organisationId });
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await selectMembership(tx, organisationId, userId);
    if (!membership || membership.status !== 'active') throw new AppError('not_found', 'Membre introuvable.');
    if (membership.role === 'manager' && role === 'member') await keepOneManager(tx, organisationId);
    if (membership.role === role) return;
    await updateMembership(tx, organisationId, userId, { role });
    await recordAudit(tx, {
      ...membershipEntry(actor, target, organisationId, userId),
      action: 'membership.role_changed',
      before: { role: membership.role },
      after: { role },
    });
  });
  return listMembers(db, actor, organisationId);
}

/**
 * A manager declines a request or removes a member; anyone may leave a structure. Someone who
 * leaves takes the structure's calendar feed URL with them: it is renewed, so theirs stops working.
 */
export async function removeMember(db: Database, actor: Actor, organisationId: string, userId: string) {
  const { target } = await requireAccess(
    db,
    actor,
    userId === actor.user.id ? 'organisation.view' : 'organisation.manage_members',
    { organisation: organisationId },
  );
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const membership = await selectMembership(tx, organisationId, userId);
    if (!membership) throw new AppError('not_found', 'Membre introuvable.');
    if (membership.role === 'manager' && membership.status === 'active') await keepOneManager(tx, organisationId);
    await deleteMembership(tx, organisationId, userId);
    if (membership.status === 'active') await renewFeedAfterDeparture(tx, organisationId);
    await recordAudit(tx, {
      ...membershipEntry(actor, target, organisationId, userId),
      action: 'membership.removed',
      before: { role: membership.role, status: membership.status },
      after: null,
    });
  });
}

/**
 * The audit entry of a change to someone's place in a structure: every network of the structure
 * reads it. A membership has no id of its own: its target is the member.
 */
function membershipEntry(actor: Actor, target: Target, organisationId: string, userId: string) {
  return {
    actorId: actor.user.id,
    target: { type: 'membership' as const, id: userId },
    organisationId,
    networkIds: target.type === 'organisation' ? target.networkIds : [],
  };
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
