import type { Actor } from '../auth/actor.ts';
import { organisationCanTrade } from '../domain/organisations.ts';

/**
 * The structures the caller may borrow for from `lenderOrganisationId`: their own approved ones,
 * other than the lender, once their address is confirmed (what `booking.request` grants).
 */
export function borrowingOrganisations(actor: Actor | null, lenderOrganisationId: string): string[] {
  if (!actor?.user.emailVerified) return [];
  return actor.memberships
    .filter(
      (m) =>
        m.status === 'active' &&
        organisationCanTrade(m.organisation.status) &&
        m.organisation.id !== lenderOrganisationId,
    )
    .map((m) => m.organisation.id);
}
