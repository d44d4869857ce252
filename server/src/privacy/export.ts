import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { networksOfPerson } from './erasure-queries.ts';
import {
  selectAuditOf,
  selectBasketsOf,
  selectCharterReadingsOf,
  selectLinesOf,
  selectMembershipsOf,
  selectMessagesOf,
  selectNeedResponsesOf,
  selectNetworkRolesOf,
  selectNotificationsOf,
  selectPreferencesOf,
  selectProfile,
  selectReportsOf,
  selectRequestsOf,
  selectSessionsOf,
  selectStepsOf,
} from './export-queries.ts';
import type { PersonalDataExport } from './schemas.ts';

/**
 * « Télécharger mes données »: the signed-in person's own export (their own account, like every
 * `/api/me` route: no permission to ask). Audited for the networks of their structures.
 */
export async function exportMyData(db: Database, actor: Actor): Promise<PersonalDataExport> {
  return exportAudited(db, actor.user.id, actor.user.id, await networksOfPerson(db, actor.user.id));
}

/** A network admin answers a person's request for their data: the same export, audited with the admin as actor. */
export async function exportPersonData(db: Database, actor: Actor, userId: string): Promise<PersonalDataExport> {
  const { networkIds } = await requireAccess(db, actor, 'network.handle_personal_data', { person: userId });
  return exportAudited(db, actor.user.id, userId, networkIds);
}

/** The file's name: the day of the export, in Paris. */
export function exportFileName(exportedAt: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(exportedAt));
  return `mutua-mes-donnees-${day}.json`;
}

async function exportAudited(db: Database, actorId: string, userId: string, networkIds: string[]) {
  return db.transaction(async (tx) => {
    // Recorded first, so that the export lists its own making.
    await recordAudit(tx, {
      actorId,
      action: 'data.exported',
      target: { type: 'user', id: userId },
      networkIds,
    });
    return collectPersonalData(tx, userId);
  });
}

/** Everything Mutua holds about one person, and nothing about anyone else (docs/domain.md, « Données personnelles »). */
export async function collectPersonalData(db: Database, userId: string): Promise<PersonalDataExport> {
  const profile = await selectProfile(db, userId);
  if (!profile) throw new AppError('not_found', 'Personne introuvable.');
  const requests = await selectRequestsOf(db, userId);
  const lines = await selectLinesOf(
    db,
    requests.map((request) => request.id),
  );
  const audit = await selectAuditOf(db, userId);
  return {
    format: 'mutua-personal-data/1',
    exportedAt: new Date().toISOString(),
    profile: {
      ...profile,
      createdAt: iso(profile.createdAt),
      lastLoginAt: isoOrNull(profile.lastLoginAt),
      emailVerifiedAt: isoOrNull(profile.emailVerifiedAt),
      emailUndeliverableAt: isoOrNull(profile.emailUndeliverableAt),
      suspendedAt: isoOrNull(profile.suspendedAt),
      deletionRequestedAt: isoOrNull(profile.deletionRequestedAt),
      eraseAfter: isoOrNull(profile.eraseAfter),
    },
    sessions: (await selectSessionsOf(db, userId)).map((session) => ({
      ...session,
      createdAt: iso(session.createdAt),
      lastSeenAt: isoOrNull(session.lastSeenAt),
      expiresAt: iso(session.expiresAt),
    })),
    memberships: (await selectMembershipsOf(db, userId)).map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    networkRoles: (await selectNetworkRolesOf(db, userId)).map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    requests: requests.map((request) => ({
      ...request,
      lines: lines
        .filter((line) => line.bookingId === request.id)
        .map(({ itemId, title, quantity }) => ({ itemId, title, quantity })),
      startsAt: isoOrNull(request.startsAt),
      endsAt: isoOrNull(request.endsAt),
      createdAt: iso(request.createdAt),
    })),
    baskets: (await selectBasketsOf(db, userId)).map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    bookingSteps: (await selectStepsOf(db, userId)).map((row) => ({ ...row, at: iso(row.at) })),
    messages: (await selectMessagesOf(db, userId)).map((row) => ({
      ...row,
      createdAt: iso(row.createdAt),
      hiddenAt: isoOrNull(row.hiddenAt),
    })),
    needResponses: (await selectNeedResponsesOf(db, userId)).map((row) => ({ ...row, createdAt: iso(row.createdAt) })),
    notifications: (await selectNotificationsOf(db, userId, profile.email)).map((row) => ({
      ...row,
      createdAt: iso(row.createdAt),
      readAt: isoOrNull(row.readAt),
      sentAt: isoOrNull(row.sentAt),
    })),
    notificationPreferences: (await selectPreferencesOf(db, userId)).map((row) => ({
      ...row,
      updatedAt: iso(row.updatedAt),
    })),
    reports: (await selectReportsOf(db, userId)).map((row) => ({
      ...row,
      createdAt: iso(row.createdAt),
      resolvedAt: isoOrNull(row.resolvedAt),
    })),
    charterReadings: (await selectCharterReadingsOf(db, userId)).map((row) => ({ ...row, readAt: iso(row.readAt) })),
    audit: audit.map(({ actorId, at, action, targetType, ...entry }) => ({
      ...entry,
      at: iso(at),
      action: action as PersonalDataExport['audit'][number]['action'],
      targetType: targetType as PersonalDataExport['audit'][number]['targetType'],
      as: actorId === userId ? ('actor' as const) : ('target' as const),
    })),
  };
}

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
