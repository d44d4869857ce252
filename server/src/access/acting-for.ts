import type { Actor } from '../auth/actor.ts';
import { AppError, fieldError } from '../domain/errors.ts';

/**
 * The structure the caller acts for when they publish or ask: the one named, or their only
 * one. Whether they may is `requireAccess`'s to say; this only picks which structure is meant.
 */
export function actingOrganisationId(
  actor: Actor,
  organisationId: string | undefined,
  field = 'organisationId',
): string {
  if (organisationId) return organisationId;
  const active = actor.memberships.filter((m) => m.status === 'active');
  if (active.length === 1) return active[0]!.organisation.id;
  if (active.length === 0)
    throw new AppError('forbidden', "Vous n'agissez pour aucune structure : rejoignez-en une d'abord.");
  throw fieldError(field, `Vous agissez pour plusieurs structures : précisez laquelle (${field}).`, 'required');
}
