import { randomUUID } from 'node:crypto';
import { decide } from '../access/decide.ts';
import { requireAccess, type TargetRef } from '../access/require-access.ts';
import { loadListingTarget } from '../access/targets.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { violatedConstraint } from '../db/errors.ts';
import { AppError } from '../domain/errors.ts';
import { presentPhoto } from './present.ts';
import { maxPhotosPerListing, type PhotoSize, photoSizes } from '../domain/photos.ts';
import { makeWebSizes } from './processing.ts';
import type { ListingRef } from '../listings/ownership.ts';
import { countPhotos, deletePhotoRow, insertPhoto, selectPhoto } from './queries.ts';
import type { PhotoStorage } from './storage.ts';
import type { Upload } from './upload.ts';

const tooManyPhotos = () =>
  new AppError('too_many_photos', `Une annonce a ${maxPhotosPerListing} photos au plus : retirez-en une d'abord.`);
const photoNotFound = () => new AppError('not_found', 'Photo introuvable.');

/** Adds a photo to one of the caller's listings: files first, then the row (files are removed if the row fails). */
export async function attachPhoto(
  db: Database,
  storage: PhotoStorage,
  actor: Actor,
  listing: ListingRef,
  upload: Upload,
) {
  await requireAccess(db, actor, 'listing.edit', targetOf(listing));
  // Spares the resizing when the listing is full already; the database's cap is the guarantee.
  if ((await countPhotos(db, listing)) >= maxPhotosPerListing) throw tooManyPhotos();
  const { width, height, variants } = await makeWebSizes(upload.path);
  const storageKey = randomUUID();
  try {
    for (const size of Object.keys(photoSizes) as PhotoSize[])
      await storage.save(`${storageKey}/${size}.webp`, variants[size]);
    const photo = await insertPhoto(db, {
      ...listing,
      storageKey,
      width,
      height,
      altText: upload.alt.trim().slice(0, 300),
    });
    return presentPhoto(photo);
  } catch (error) {
    await storage.removeAll(storageKey);
    if (violatedConstraint(error) === 'listing_photos_cap') throw tooManyPhotos();
    throw error;
  }
}

export async function removePhoto(
  db: Database,
  storage: PhotoStorage,
  actor: Actor,
  listing: ListingRef,
  photoId: string,
) {
  await requireAccess(db, actor, 'listing.edit', targetOf(listing));
  const removed = await deletePhotoRow(db, listing, photoId);
  if (!removed) throw photoNotFound();
  await storage.removeAll(removed.storageKey);
}

/**
 * A photo file, for whoever may see its listing: anyone else gets the 404 of an unknown photo.
 * `shared` says whether anyone at all may see it, so that a shared cache may keep it (files never
 * change under their id).
 */
export async function readPhotoFile(
  db: Database,
  storage: PhotoStorage,
  getActor: () => Promise<Actor | null>,
  photoId: string,
  size: PhotoSize,
) {
  const photo = await selectPhoto(db, photoId);
  if (!photo) throw photoNotFound();
  const listing = await loadListingTarget(db, photo.itemId ? 'item' : 'service', photo.itemId ?? photo.serviceId!);
  if (!listing) throw photoNotFound();
  // Most photos are of public listings: those are answered without reading the session.
  const shared = decide(null, 'listing.view', listing).allowed;
  if (!shared && !decide(await getActor(), 'listing.view', listing).allowed) throw photoNotFound();
  const file = await storage.read(`${photo.storageKey}/${size}.webp`);
  if (!file) throw photoNotFound();
  return { file, shared };
}

const targetOf = (listing: ListingRef): TargetRef =>
  'itemId' in listing ? { item: listing.itemId } : { service: listing.serviceId };
