import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { adminNetworkIds, requireTradingMemberOf } from '../auth/policies.ts';
import type { Database } from '../db/client.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks } from '../db/schema/organisations.ts';
import type { ListingStatus } from '../domain/catalogue.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { viewerOf } from './visibility.ts';

/**
 * Who lists for which structure. A listing belongs to a structure; any active member of an
 * approved structure creates and edits its listings. Without `organisationId`, the caller's
 * only such structure is meant.
 */
export function listingOwnerFor(actor: Actor, organisationId: string | undefined): string {
  if (organisationId) return requireTradingMemberOf(actor, organisationId).organisation.id;
  const active = actor.memberships.filter((m) => m.status === 'active');
  if (active.length === 1) return requireTradingMemberOf(actor, active[0]!.organisation.id).organisation.id;
  if (active.length === 0)
    throw new AppError('forbidden', "Vous n'agissez pour aucune structure : rejoignez-en une pour publier.");
  throw fieldError(
    'organisationId',
    'Vous agissez pour plusieurs structures : précisez laquelle publie (organisationId).',
    'required',
  );
}

/** Edits need an active membership of the owner, itself approved; other structures get a 404. */
export function requireListingEditor(actor: Actor, ownerOrganisationId: string) {
  const membership = actor.memberships.find((m) => m.organisation.id === ownerOrganisationId && m.status === 'active');
  if (!membership) throw new AppError('not_found', 'Annonce introuvable.');
  requireTradingMemberOf(actor, ownerOrganisationId);
}

export function canEditListing(actor: Actor | null, ownerOrganisationId: string): boolean {
  return Boolean(
    actor?.memberships.some(
      (m) => m.organisation.id === ownerOrganisationId && m.status === 'active' && m.organisation.status === 'active',
    ),
  );
}

/** Any listing of a structure, published or not, is shown to its own people and its networks' admins. */
export async function canSeeAnyListingOf(db: Database, actor: Actor | null, ownerOrganisationId: string) {
  if (!actor) return false;
  if (actor.memberships.some((m) => m.organisation.id === ownerOrganisationId && m.status === 'active')) return true;
  const adminOf = adminNetworkIds(actor);
  if (adminOf.length === 0) return false;
  const [link] = await db
    .select({ networkId: organisationNetworks.networkId })
    .from(organisationNetworks)
    .where(
      and(
        eq(organisationNetworks.organisationId, ownerOrganisationId),
        inArray(organisationNetworks.networkId, adminOf),
      ),
    )
    .limit(1);
  return Boolean(link);
}

/**
 * The status a lender's request leads to. Publishing waits for a moderator when one of the
 * structure's networks asks for review; a listing hidden by moderation stays hidden.
 */
export async function statusAfterLenderRequest(
  db: Database,
  ownerOrganisationId: string,
  current: ListingStatus | null,
  requested: 'draft' | 'published' | 'archived',
): Promise<ListingStatus> {
  if (current === 'hidden') {
    throw new AppError(
      'listing_hidden',
      'Cette annonce a été masquée par la modération du réseau : contactez-la pour la republier.',
    );
  }
  if (requested !== 'published') return requested;
  if (current === 'published' || current === 'pending_review') return current;
  return (await reviewRequired(db, ownerOrganisationId)) ? 'pending_review' : 'published';
}

async function reviewRequired(db: Database, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ networkId: networks.id })
    .from(organisationNetworks)
    .innerJoin(networks, eq(networks.id, organisationNetworks.networkId))
    .where(and(eq(organisationNetworks.organisationId, organisationId), eq(networks.requiresListingReview, true)))
    .limit(1);
  return Boolean(row);
}

/**
 * A listing page is shown when the listing is findable by the caller (published, its structure
 * active, visible to the caller's networks), or to the structure's own people and admins.
 */
export async function isListingVisible(
  db: Database,
  actor: Actor | null,
  listing: {
    organisationId: string;
    organisationStatus: string;
    status: ListingStatus;
    visibility: 'networks' | 'all';
  },
): Promise<boolean> {
  const findable = listing.status === 'published' && listing.organisationStatus === 'active';
  if (findable && listing.visibility === 'all') return true;
  if (findable && (await sharesNetwork(db, actor, listing.organisationId))) return true;
  return canSeeAnyListingOf(db, actor, listing.organisationId);
}

async function sharesNetwork(db: Database, actor: Actor | null, organisationId: string) {
  const viewer = await viewerOf(db, actor);
  if (viewer.networkIds.length === 0) return false;
  const [link] = await db
    .select({ networkId: organisationNetworks.networkId })
    .from(organisationNetworks)
    .where(
      and(
        eq(organisationNetworks.organisationId, organisationId),
        inArray(organisationNetworks.networkId, viewer.networkIds),
      ),
    )
    .limit(1);
  return Boolean(link);
}
