import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import {
  insertCharter,
  lockNetwork,
  recordAcceptance,
  selectCharterVersions,
  selectCurrentCharter,
  selectCurrentCharters,
  selectManagedOrganisationsIn,
  selectNetworks,
  selectUnreadCharters,
  upsertReading,
} from './queries.ts';
import type { Charter, CharterRead, CharterVersionList, NetworkCharterList, UnreadCharters } from './schemas.ts';

const describeCharter = (row: { networkId: string; version: number; body: string; publishedAt: Date }): Charter => ({
  networkId: row.networkId,
  version: row.version,
  body: row.body,
  publishedAt: row.publishedAt.toISOString(),
});

/** Public: the version in force, what a structure accepts to join. */
export async function getCurrentCharter(db: Database, networkId: string): Promise<Charter> {
  const charter = await selectCurrentCharter(db, networkId);
  if (!charter) throw new AppError('not_found', 'Ce réseau n’a pas encore publié de charte.');
  return describeCharter(charter);
}

/** Public: the networks a new structure may join, each with its current charter (sign-up page). */
export async function listNetworksWithCharters(db: Database): Promise<NetworkCharterList> {
  const rows = await selectNetworks(db);
  const charters = await selectCurrentCharters(
    db,
    rows.map((row) => row.id),
  );
  const byNetwork = new Map(charters.map((charter) => [charter.networkId, describeCharter(charter)]));
  return { networks: rows.map((row) => ({ ...row, charter: byNetwork.get(row.id) ?? null })) };
}

export async function listCharterVersions(
  db: Database,
  actor: Actor | null,
  networkId: string,
): Promise<CharterVersionList> {
  await requireAccess(db, actor, 'network.manage_settings', { network: networkId });
  const rows = await selectCharterVersions(db, networkId);
  return {
    versions: rows.map((row) => ({
      version: row.version,
      body: row.body,
      publishedAt: row.publishedAt.toISOString(),
      publishedBy:
        row.publishedById && row.publishedByName !== null ? { id: row.publishedById, name: row.publishedByName } : null,
    })),
  };
}

/**
 * Publishes version n+1 of the network's charter, the text as typed. Old versions stay: what a
 * structure accepted can always be read. Members see the new one at their next visit.
 */
export async function publishCharter(
  db: Database,
  actor: Actor | null,
  networkId: string,
  body: string,
): Promise<Charter> {
  await requireAccess(db, actor, 'network.manage_settings', { network: networkId });
  if (!body.trim()) throw fieldError('body', 'Écrivez le texte de la charte.', 'required');
  return db.transaction(async (tx) => {
    await lockNetwork(tx, networkId);
    const previous = await selectCurrentCharter(tx, networkId);
    const version = (previous?.version ?? 0) + 1;
    const charter = await insertCharter(tx, { networkId, version, body, publishedBy: actor!.user.id });
    await recordAudit(tx, {
      actorId: actor!.user.id,
      action: 'charter.published',
      target: { type: 'network', id: networkId },
      networkIds: [networkId],
      before: previous ? { version: previous.version } : null,
      after: { version },
    });
    return describeCharter(charter);
  });
}

/** « La charte du réseau … a changé » : what the person has not read yet, for the root layout. */
export async function listUnreadCharters(db: Database, actor: Actor): Promise<UnreadCharters> {
  const rows = await selectUnreadCharters(db, actor.user.id);
  return {
    charters: rows.map((row) => ({
      ...describeCharter(row),
      networkName: row.networkName,
      readVersion: row.readVersion,
    })),
  };
}

/**
 * « J'ai lu la nouvelle charte » : records the person's reading of the current version. A
 * manager reads for their structure too: the structures they manage in that network accept the
 * new version (who and when, on the membership of the network). A member's reading is only theirs.
 * A version other than the current one is refused, so nobody reads past a newer publication.
 */
export async function readCharter(
  db: Database,
  actor: Actor,
  networkId: string,
  version: number,
): Promise<CharterRead> {
  return db.transaction(async (tx) => {
    const current = await selectCurrentCharter(tx, networkId);
    if (!current) throw new AppError('not_found', 'Ce réseau n’a pas encore publié de charte.');
    if (current.version !== version) throw versionMismatch(current.version);
    const userId = actor.user.id;
    await upsertReading(tx, { userId, networkId, version });
    const managed = await selectManagedOrganisationsIn(tx, userId, networkId);
    const acceptedFor = await recordAcceptance(tx, { organisationIds: managed, networkId, version, userId });
    return { networkId, version, acceptedFor };
  });
}

export const versionMismatch = (current: number, path?: string) =>
  new AppError(
    'charter_version_mismatch',
    `La charte a changé entre-temps : lisez sa version ${current} avant de l’accepter.`,
    path ? [{ path, code: 'current', message: `Version en vigueur : ${current}.` }] : undefined,
  );
