import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { normaliseEmail } from '../accounts/service.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { recordEvent } from '../events/record.ts';
import {
  deleteModerator,
  findUserIdByEmail,
  insertModerator,
  selectNetworks,
  selectRole,
  selectSettingsForUpdate,
  selectStaff,
  updateSettings,
} from './queries.ts';
import type { NetworkPatch, NetworkSettings } from './schemas.ts';

/** /admin/reseau: the networks the caller administers, with their settings and staff. */
export async function listNetworkSettings(db: Database, actor: Actor) {
  const { networkIds } = await requireAccess(db, actor, 'network.manage_settings', 'networks');
  return { networks: await settingsOf(db, networkIds) };
}

export async function getNetworkSettings(db: Database, actor: Actor, networkId: string) {
  await requireAccess(db, actor, 'network.manage_settings', { network: networkId });
  return oneNetwork(db, networkId);
}

/** Changes the review policy or the overdue days; the audit keeps only what changed. */
export async function changeNetworkSettings(db: Database, actor: Actor, networkId: string, patch: NetworkPatch) {
  await requireAccess(db, actor, 'network.manage_settings', { network: networkId });
  await db.transaction(async (tx) => {
    const current = await selectSettingsForUpdate(tx, networkId);
    if (!current) throw new AppError('not_found', 'Réseau introuvable.');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['listingReview', 'overdueDaysBeforeInbox'] as const) {
      if (patch[key] === undefined || patch[key] === current[key]) continue;
      before[key] = current[key];
      after[key] = patch[key];
    }
    if (Object.keys(after).length === 0) return;
    await updateSettings(tx, networkId, after);
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'network.settings_changed',
      target: { type: 'network', id: networkId },
      networkIds: [networkId],
      before,
      after,
    });
  });
  return oneNetwork(db, networkId);
}

/** Makes a person who has an account a moderator of the network; they are told. */
export async function addModerator(db: Database, actor: Actor, networkId: string, email: string) {
  await requireAccess(db, actor, 'network.manage_moderators', { network: networkId });
  const userId = await findUserIdByEmail(db, normaliseEmail(email));
  if (!userId) {
    throw new AppError(
      'not_found',
      'Aucun compte n’utilise cette adresse : la personne doit d’abord créer son compte sur Mutua.',
    );
  }
  const granted = await db.transaction(async (tx) => {
    if (!(await insertModerator(tx, networkId, userId))) return false;
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'network_role.granted',
      target: { type: 'network_role', id: `${networkId}:${userId}` },
      networkIds: [networkId],
      before: { role: null },
      after: { role: 'moderator' },
    });
    await recordEvent(tx, {
      type: 'network_role.changed',
      actorId: actor.user.id,
      userId,
      params: { networkId, role: 'moderator' },
    });
    return true;
  });
  if (!granted) await roleConflict(db, networkId, userId);
  return oneNetwork(db, networkId);
}

/** Removes a moderator (an admin is not removed here); they are told. */
export async function removeModerator(db: Database, actor: Actor, networkId: string, userId: string) {
  await requireAccess(db, actor, 'network.manage_moderators', { network: networkId });
  const revoked = await db.transaction(async (tx) => {
    if (!(await deleteModerator(tx, networkId, userId))) return false;
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'network_role.revoked',
      target: { type: 'network_role', id: `${networkId}:${userId}` },
      networkIds: [networkId],
      before: { role: 'moderator' },
      after: { role: null },
    });
    await recordEvent(tx, {
      type: 'network_role.changed',
      actorId: actor.user.id,
      userId,
      params: { networkId, role: null },
    });
    return true;
  });
  if (!revoked) {
    if ((await selectRole(db, networkId, userId)) === 'admin') {
      throw new AppError(
        'network_role_conflict',
        'Cette personne administre le réseau : seul un rôle de modération se retire ici.',
      );
    }
    throw new AppError('not_found', 'Cette personne ne modère pas ce réseau.');
  }
  return oneNetwork(db, networkId);
}

async function roleConflict(db: Database, networkId: string, userId: string): Promise<never> {
  const role = await selectRole(db, networkId, userId);
  throw new AppError(
    'network_role_conflict',
    role === 'admin' ? 'Cette personne administre déjà le réseau.' : 'Cette personne modère déjà le réseau.',
  );
}

async function oneNetwork(db: Database, networkId: string): Promise<NetworkSettings> {
  const [network] = await settingsOf(db, [networkId]);
  if (!network) throw new AppError('not_found', 'Réseau introuvable.');
  return network;
}

async function settingsOf(db: Database, networkIds: string[]): Promise<NetworkSettings[]> {
  const [rows, staff] = await Promise.all([selectNetworks(db, networkIds), selectStaff(db, networkIds)]);
  return rows.map((network) => ({
    ...network,
    staff: staff
      .filter((member) => member.networkId === network.id)
      .map(({ userId, name, email, role }) => ({ userId, name, email, role })),
  }));
}
