import { AppError } from '../domain/errors.ts';
import { organisationCanTrade } from '../domain/organisations.ts';
import type { Actor } from './actor.ts';

/**
 * The access rules, as pure functions of the actor: services call them before doing anything.
 * Each throws the AppError a caller should see, or returns what it checked.
 */

export function activeMembershipOf(actor: Actor, organisationId: string) {
  return actor.memberships.find((m) => m.organisation.id === organisationId && m.status === 'active');
}

export function isManagerOf(actor: Actor, organisationId: string): boolean {
  return activeMembershipOf(actor, organisationId)?.role === 'manager';
}

export function requireManagerOf(actor: Actor, organisationId: string) {
  const membership = activeMembershipOf(actor, organisationId);
  if (!membership) throw new AppError('not_found', 'Structure introuvable.');
  if (membership.role !== 'manager') {
    throw new AppError('forbidden', 'Seuls les gestionnaires de la structure peuvent faire cela.');
  }
  return membership;
}

/** Publishing and borrowing need an active membership of an approved (active) structure. */
export function requireTradingMemberOf(actor: Actor, organisationId: string) {
  const membership = activeMembershipOf(actor, organisationId);
  if (!membership) throw new AppError('forbidden', "Vous n'agissez pas pour cette structure.");
  requireVerifiedEmail(actor);
  if (!organisationCanTrade(membership.organisation.status)) {
    throw new AppError(
      'organisation_not_active',
      "Votre structure n'est pas encore validée par le réseau : vous pourrez publier et emprunter une fois validée.",
    );
  }
  return membership;
}

/** Lending, borrowing and publishing wait until the person has confirmed their address. */
export function requireVerifiedEmail(actor: Actor) {
  if (!actor.user.emailVerified) {
    throw new AppError(
      'email_unverified',
      'Confirmez d’abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé (ou demandez-en un nouveau).',
    );
  }
}

export function adminNetworkIds(actor: Actor): string[] {
  return actor.networkRoles.filter((r) => r.role === 'admin').map((r) => r.network.id);
}

export function requireNetworkAdmin(actor: Actor): string[] {
  const ids = adminNetworkIds(actor);
  if (ids.length === 0) throw new AppError('forbidden', 'Réservé aux administrateur·rices du réseau.');
  return ids;
}

/** The structures the actor may borrow for from `lenderOrganisationId`: its own approved ones, other than the lender. */
export function borrowingOrganisations(actor: Actor | null, lenderOrganisationId: string): string[] {
  if (!actor?.user.emailVerified) return [];
  return (actor?.memberships ?? [])
    .filter(
      (m) =>
        m.status === 'active' &&
        organisationCanTrade(m.organisation.status) &&
        m.organisation.id !== lenderOrganisationId,
    )
    .map((m) => m.organisation.id);
}
