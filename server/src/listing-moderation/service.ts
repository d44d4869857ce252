import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import type { AuditAction } from '../domain/audit.ts';
import type { ListingStatus } from '../domain/catalogue.ts';
import { AppError } from '../domain/errors.ts';
import { type EventType, recordEvent } from '../events/record.ts';
import { decodeCursor, encodeCursor } from '../pagination/cursor.ts';
import { lockListing, moveListingStatus, selectModerationListings, selectNetworksOf } from './queries.ts';
import type {
  ListingModerationQuery,
  ModeratedListing,
  ModeratedListingList,
  ModeratedListingType,
} from './schemas.ts';

export type ListingKey = { type: ModeratedListingType; id: string };

/** /admin/annonces: listings of the caller's networks in one status; what waits, oldest first. */
export async function listListingsForModeration(
  db: Database,
  actor: Actor,
  query: ListingModerationQuery,
): Promise<ModeratedListingList> {
  const { networkIds } = await requireAccess(db, actor, 'network.moderate_listings', 'networks');
  const status = query.status ?? 'pending_review';
  const { page, more } = await selectModerationListings(db, {
    networkIds,
    status,
    type: query.type,
    q: query.q?.trim() || undefined,
    // Its shape ([createdKey, id]) was checked with the query (the `booking-cursor` format).
    after: query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined,
    ascending: status === 'pending_review',
    limit: query.limit ?? 50,
  });
  const last = page.at(-1);
  return {
    listings: await present(db, page, networkIds),
    nextCursor: more && last ? encodeCursor([last.createdKey, last.id]) : null,
  };
}

type Row = Awaited<ReturnType<typeof selectModerationListings>>['page'][number];

async function present(db: Database, rows: Row[], networkIds: string[]): Promise<ModeratedListing[]> {
  const networksOf = await selectNetworksOf(
    db,
    rows.map((row) => row.structure.id),
    networkIds,
  );
  return rows.map(({ createdKey: _key, createdAt, updatedAt, ...row }) => ({
    ...row,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    networks: networksOf.get(row.structure.id) ?? [],
  }));
}

/** One moderator's decision on a listing: where it may come from, where it goes, what is recorded. */
export type ListingMove = {
  from: readonly ListingStatus[];
  to: ListingStatus;
  audit: AuditAction;
  event: EventType;
  /** What the moderator typed, as typed: the audit note and the event's parameter. */
  note?: { param: 'message' | 'reason'; text: string | null };
};

const moves = {
  approve: { from: ['pending_review'], to: 'published', audit: 'listing.approved', event: 'listing.approved' },
  requestChanges: {
    from: ['pending_review'],
    to: 'draft',
    audit: 'listing.changes_requested',
    event: 'listing.changes_requested',
  },
  hide: { from: ['published', 'pending_review'], to: 'hidden', audit: 'listing.hidden', event: 'listing.hidden' },
  unhide: { from: ['hidden'], to: 'published', audit: 'listing.unhidden', event: 'listing.restored' },
  archive: {
    from: ['draft', 'pending_review', 'published', 'hidden'],
    to: 'archived',
    audit: 'listing.archived',
    event: 'listing.archived',
  },
} as const satisfies Record<string, Omit<ListingMove, 'note'>>;

export function approveListing(db: Database, actor: Actor, listing: ListingKey) {
  return moderate(db, actor, listing, moves.approve);
}

export function requestListingChanges(db: Database, actor: Actor, listing: ListingKey, message: string) {
  return moderate(db, actor, listing, { ...moves.requestChanges, note: { param: 'message', text: message } });
}

export function hideListing(db: Database, actor: Actor, listing: ListingKey, reason: string) {
  return moderate(db, actor, listing, hideMove(reason));
}

export function unhideListing(db: Database, actor: Actor, listing: ListingKey) {
  return moderate(db, actor, listing, moves.unhide);
}

export function archiveListing(db: Database, actor: Actor, listing: ListingKey, reason: string | undefined) {
  return moderate(db, actor, listing, { ...moves.archive, note: { param: 'reason', text: reason ?? null } });
}

/** Hiding, as a report's resolution does it too. */
export function hideMove(reason: string): ListingMove {
  return { ...moves.hide, note: { param: 'reason', text: reason } };
}

/** The networks in whose name the caller moderates this listing (404 when they may not know it, 403 when not theirs). */
export async function requireListingModeration(db: Database, actor: Actor, listing: ListingKey) {
  const { networkIds } = await requireAccess(
    db,
    actor,
    'network.moderate_listings',
    listing.type === 'item' ? { item: listing.id } : { service: listing.id },
  );
  return networkIds;
}

async function moderate(db: Database, actor: Actor, listing: ListingKey, move: ListingMove) {
  const networkIds = await requireListingModeration(db, actor, listing);
  await db.transaction((tx) => applyListingMove(tx, actor.user.id, networkIds, listing, move));
  const { page } = await selectModerationListings(db, {
    networkIds,
    status: move.to,
    type: listing.type,
    id: listing.id,
    ascending: true,
    limit: 1,
  });
  return (await present(db, page, networkIds))[0]!;
}

/**
 * Moves a listing, in the caller's transaction, with its audit entry and the event its structure
 * hears of. A listing not in one of `move.from` (or moved meanwhile by another moderator: the row
 * is locked, then compared and set) is a 409.
 */
export async function applyListingMove(
  tx: Database,
  actorId: string,
  networkIds: string[],
  listing: ListingKey,
  move: ListingMove,
) {
  const current = await lockListing(tx, listing.type, listing.id);
  if (!current)
    throw new AppError('not_found', listing.type === 'item' ? 'Objet introuvable.' : 'Service introuvable.');
  if (
    !move.from.includes(current.status) ||
    !(await moveListingStatus(tx, listing.type, listing.id, current.status, move.to))
  ) {
    throw new AppError(
      'listing_moderation_conflict',
      `Cette annonce ne peut pas passer de « ${current.status} » à « ${move.to} » : quelqu’un l’a peut-être déjà traitée.`,
    );
  }
  const note = move.note?.text?.trim() ? move.note.text : null;
  await recordAudit(tx, {
    actorId,
    action: move.audit,
    target: { type: 'listing', id: listing.id },
    organisationId: current.organisationId,
    networkIds,
    before: { status: current.status },
    after: { status: move.to },
    note,
  });
  await recordEvent(tx, {
    type: move.event,
    actorId,
    organisationId: current.organisationId,
    params: {
      listingType: listing.type,
      listingId: listing.id,
      ...(move.note ? { [move.note.param]: note } : {}),
    },
  });
  return { organisationId: current.organisationId, from: current.status };
}
