import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { listingPhotos } from '../db/schema/photos.ts';
import type { ListingRef } from '../listings/ownership.ts';

const photoColumns = {
  id: listingPhotos.id,
  itemId: listingPhotos.itemId,
  serviceId: listingPhotos.serviceId,
  width: listingPhotos.width,
  height: listingPhotos.height,
  alt: listingPhotos.altText,
  storageKey: listingPhotos.storageKey,
};

/** The photos of several items (or services), in their order. */
export async function selectPhotos(db: Database, owner: 'item' | 'service', ids: string[]) {
  if (ids.length === 0) return [];
  const column = owner === 'item' ? listingPhotos.itemId : listingPhotos.serviceId;
  return db
    .select(photoColumns)
    .from(listingPhotos)
    .where(inArray(column, ids))
    .orderBy(asc(listingPhotos.position), asc(listingPhotos.createdAt));
}

export async function countPhotos(db: Database, listing: ListingRef) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(listingPhotos)
    .where(ownedBy(listing));
  return row?.count ?? 0;
}

/** Adds a photo after the listing's last one; the database refuses a ninth (`listing_photos_cap`). */
export async function insertPhoto(
  db: Database,
  photo: ListingRef & { storageKey: string; width: number; height: number; altText: string },
) {
  const [row] = await db.insert(listingPhotos).values(photo).returning(photoColumns);
  return row!;
}

export async function selectPhoto(db: Database, id: string) {
  const [row] = await db.select(photoColumns).from(listingPhotos).where(eq(listingPhotos.id, id));
  return row;
}

export async function deletePhotoRow(db: Database, listing: ListingRef, photoId: string) {
  const [row] = await db
    .delete(listingPhotos)
    .where(and(eq(listingPhotos.id, photoId), ownedBy(listing)))
    .returning({ storageKey: listingPhotos.storageKey });
  return row;
}

function ownedBy(listing: ListingRef) {
  return 'itemId' in listing
    ? eq(listingPhotos.itemId, listing.itemId)
    : eq(listingPhotos.serviceId, listing.serviceId);
}
