import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { decide, type Grant, type Refusal, type Target } from './decide.ts';
import type { Permission } from './permissions.ts';
import {
  type ListingType,
  loadBookingTarget,
  loadListingTarget,
  loadNetworkTarget,
  loadOrganisationTarget,
  loadPersonTarget,
  loadReportTarget,
} from './targets.ts';

/** What a use case is about, by id: the access module loads what it needs to decide. */
export type TargetRef =
  | { organisation: string }
  | { item: string }
  | { service: string }
  | { need: string }
  | { booking: string }
  | { network: string }
  | { person: string }
  | { report: string }
  | 'networks';

/**
 * The first line of every use case: may `actor` do `permission` on this? Throws the AppError the
 * caller should see (401, 403 with its reason, or 404 when they may not know it exists), or
 * returns what the permission was granted through.
 */
export async function requireAccess(
  db: Database,
  actor: Actor | null,
  permission: Permission,
  ref: TargetRef,
): Promise<Grant & { target: Target }> {
  const target = await loadTarget(db, ref);
  if (!target) throw new AppError('not_found', notFoundMessage(ref));
  const decision = decide(actor, permission, target);
  if (!decision.allowed) throw refusalError(decision, permission, ref);
  return { ...decision, target };
}

/** The same question for what a page shows (« Modifier », contact details): true or false, never a throw. */
export async function hasAccess(db: Database, actor: Actor | null, permission: Permission, ref: TargetRef) {
  const target = await loadTarget(db, ref);
  return Boolean(target && decide(actor, permission, target).allowed);
}

async function loadTarget(db: Database, ref: TargetRef): Promise<Target | null> {
  if (ref === 'networks') return { type: 'networks' };
  if ('organisation' in ref) return loadOrganisationTarget(db, ref.organisation);
  if ('booking' in ref) return loadBookingTarget(db, ref.booking);
  if ('network' in ref) return loadNetworkTarget(db, ref.network);
  if ('person' in ref) return loadPersonTarget(db, ref.person);
  if ('report' in ref) return loadReportTarget(db, ref.report);
  const [type, id] = Object.entries(ref)[0] as [ListingType, string];
  return loadListingTarget(db, type, id);
}

function notFoundMessage(ref: TargetRef): string {
  if (ref === 'networks') return 'Introuvable.';
  if ('organisation' in ref) return 'Structure introuvable.';
  if ('item' in ref) return 'Objet introuvable.';
  if ('service' in ref) return 'Service introuvable.';
  if ('need' in ref) return 'Besoin introuvable.';
  if ('network' in ref) return 'Réseau introuvable.';
  if ('person' in ref) return 'Personne introuvable.';
  if ('report' in ref) return 'Signalement introuvable.';
  return 'Demande introuvable.';
}

const forbiddenMessages: Partial<Record<Permission, string>> = {
  'organisation.edit': 'Seuls les gestionnaires de la structure peuvent faire cela.',
  'organisation.manage_members': 'Seuls les gestionnaires de la structure peuvent faire cela.',
  'organisation.view_team': "Vous n'êtes pas membre de cette structure.",
  'calendar.view': "Vous n'êtes pas membre de cette structure.",
  'calendar.manage': 'Seuls les gestionnaires de la structure gèrent son agenda partagé.',
  'inventory.import': 'Seuls les gestionnaires de la structure importent un inventaire.',
  'listing.create': "Vous n'agissez pas pour cette structure.",
  'booking.request': "Vous n'agissez pas pour cette structure.",
  'listing.edit': 'Seule la structure qui publie cette annonce peut la modifier.',
  'listing.view_unpublished': "Vous n'êtes pas membre de cette structure.",
  'network.review_organisations': 'Réservé aux administrateur·rices du réseau.',
  'network.read_emails': 'Réservé aux administrateur·rices du réseau.',
  'network.read_audit': 'Réservé aux administrateur·rices du réseau.',
  'network.moderate_listings': 'Réservé à la modération du réseau.',
  'network.see_listings': 'Réservé à la modération du réseau.',
  'network.read_inbox': 'Réservé à la modération du réseau.',
  'network.handle_reports': 'Réservé à la modération du réseau.',
  'network.follow_up_loans': 'Réservé à la modération du réseau.',
  'network.suspend_people': 'Réservé aux administrateur·rices du réseau.',
  'network.manage_moderators': 'Réservé aux administrateur·rices du réseau.',
  'network.manage_settings': 'Réservé aux administrateur·rices du réseau.',
  'network.manage_categories': 'Réservé aux administrateur·rices du réseau.',
  'network.manage_impact': 'Réservé aux administrateur·rices du réseau.',
  'network.read_impact': 'Réservé aux administrateur·rices du réseau.',
  'network.handle_personal_data': 'Réservé aux administrateur·rices du réseau.',
  'report.create': "Vous n'agissez pas pour cette structure.",
  'organisation.view_contacts':
    'Les coordonnées d’une structure sont réservées aux structures validées de ses réseaux.',
};

function refusalError(refusal: Refusal, permission: Permission, ref: TargetRef): AppError {
  switch (refusal.code) {
    case 'unauthenticated':
      return new AppError('unauthenticated', 'Connectez-vous pour continuer.');
    case 'not_found':
      return new AppError('not_found', notFoundMessage(ref));
    case 'email_unverified':
      return new AppError(
        'email_unverified',
        'Confirmez d’abord votre adresse e-mail : ouvrez le lien que nous vous avons envoyé (ou demandez-en un nouveau).',
      );
    case 'organisation_not_active':
      return new AppError(
        'organisation_not_active',
        "Votre structure n'est pas encore validée par le réseau : vous pourrez publier et emprunter une fois validée.",
      );
    case 'listing_hidden':
      return new AppError(
        'listing_hidden',
        'Cette annonce a été masquée par la modération du réseau : contactez-la pour la modifier ou la republier.',
      );
    default:
      return new AppError('forbidden', forbiddenMessages[permission] ?? 'Vous ne pouvez pas faire cela.');
  }
}
