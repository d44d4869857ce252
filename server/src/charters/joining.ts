import type { Database } from '../db/client.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import {
  insertOrganisationNetwork,
  networkExists,
  recordAcceptance,
  selectCurrentCharter,
  upsertReading,
} from './queries.ts';
import { versionMismatch } from './service.ts';

/** A network a new structure joins, and the charter version it accepts (null: the network has none). */
export type NetworkChoice = { networkId: string; charterVersion: number | null };

/**
 * Checks the networks a new structure chose at sign-up against their charters, before anything is
 * written: each is known, chosen once, and its current charter is the one accepted (a stale
 * version is refused, 409). `fallbackNetworkId` is the network named the older way
 * (`organisation.networkId` or the default one): it may be joined so only while it has no charter.
 */
export async function checkNetworkChoices(
  db: Database,
  chosen: Array<{ networkId: string; charterVersion?: number }> | undefined,
  fallback: { networkId: string | undefined; named: boolean },
): Promise<NetworkChoice[]> {
  if (!chosen) {
    if (!fallback.networkId) throw fieldError('organisation.networkId', 'Ce réseau est inconnu.', 'exists');
    const charter = await selectCurrentCharter(db, fallback.networkId);
    if (charter) throw acceptanceMissing('networks');
    return [{ networkId: fallback.networkId, charterVersion: null }];
  }
  if (fallback.named) {
    throw fieldError('organisation.networkId', 'Choisissez les réseaux dans « networks » seulement.', 'oneOf');
  }
  const choices: NetworkChoice[] = [];
  for (const [index, choice] of chosen.entries()) {
    const path = `networks.${index}`;
    if (choices.some((made) => made.networkId === choice.networkId)) {
      throw fieldError(`${path}.networkId`, 'Ce réseau est déjà choisi.', 'unique');
    }
    if (!(await networkExists(db, choice.networkId))) {
      throw fieldError(`${path}.networkId`, 'Ce réseau est inconnu.', 'exists');
    }
    const charter = await selectCurrentCharter(db, choice.networkId);
    if (charter && choice.charterVersion === undefined) throw acceptanceMissing(`${path}.charterVersion`);
    if ((charter?.version ?? undefined) !== choice.charterVersion) {
      throw charter ? versionMismatch(charter.version, `${path}.charterVersion`) : noCharter(`${path}.charterVersion`);
    }
    choices.push({ networkId: choice.networkId, charterVersion: charter?.version ?? null });
  }
  return choices;
}

/**
 * The new structure is in its first network already (created there): it joins the others, and
 * records each accepted charter (version, date, who) and the person's reading of it.
 */
export async function joinChosenNetworks(
  db: Database,
  joining: { organisationId: string; userId: string; choices: NetworkChoice[] },
) {
  for (const choice of joining.choices) {
    await insertOrganisationNetwork(db, joining.organisationId, choice.networkId);
    if (choice.charterVersion === null) continue;
    await recordAcceptance(db, {
      organisationIds: [joining.organisationId],
      networkId: choice.networkId,
      version: choice.charterVersion,
      userId: joining.userId,
    });
    await upsertReading(db, { userId: joining.userId, networkId: choice.networkId, version: choice.charterVersion });
  }
}

const acceptanceMissing = (path: string) =>
  fieldError(path, 'Lisez et acceptez la charte du réseau pour le rejoindre.', 'required');

const noCharter = (path: string) =>
  new AppError('charter_version_mismatch', 'Ce réseau n’a pas de charte à accepter.', [
    { path, code: 'current', message: 'Aucune charte publiée.' },
  ]);
