import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { items } from '../db/schema/items.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';
import type { ListingStatus } from '../domain/catalogue.ts';
import { AppError } from '../domain/errors.ts';
import { firstListingsReviewed } from '../domain/networks.ts';

/** An item or a service offer: what photos belong to, and what an answer to a need may show. */
export type ListingRef = { itemId: string } | { serviceId: string };

/** The structure a listing belongs to, or undefined when there is no such listing. */
export async function selectListingOwner(db: Database, listing: ListingRef) {
  const [row] =
    'itemId' in listing
      ? await db.select({ organisationId: items.organisationId }).from(items).where(eq(items.id, listing.itemId))
      : await db
          .select({ organisationId: services.organisationId })
          .from(services)
          .where(eq(services.id, listing.serviceId));
  return row?.organisationId;
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

/**
 * Whether a publication of this structure waits for a moderator: one of its networks reviews
 * every new listing, or reviews a structure's first ones and this structure has fewer than
 * `firstListingsReviewed` listings (items and services) published now. Only what is published
 * counts: the schema does not record whether an archived listing was ever published, and a
 * hidden one was found wanting, so neither earns trust.
 */
async function reviewRequired(db: Database, organisationId: string): Promise<boolean> {
  const policies = await db
    .selectDistinct({ policy: networks.listingReview })
    .from(organisationNetworks)
    .innerJoin(networks, eq(networks.id, organisationNetworks.networkId))
    .where(and(eq(organisationNetworks.organisationId, organisationId), ne(networks.listingReview, 'none')));
  if (policies.some((row) => row.policy === 'every')) return true;
  if (policies.length === 0) return false;
  return (await countPublished(db, organisationId)) < firstListingsReviewed;
}

async function countPublished(db: Database, organisationId: string): Promise<number> {
  const [publishedItems] = await db
    .select({ total: count() })
    .from(items)
    .where(and(eq(items.organisationId, organisationId), eq(items.status, 'published')));
  const [publishedServices] = await db
    .select({ total: count() })
    .from(services)
    .where(and(eq(services.organisationId, organisationId), eq(services.status, 'published')));
  return (publishedItems?.total ?? 0) + (publishedServices?.total ?? 0);
}
