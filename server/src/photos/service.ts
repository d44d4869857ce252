import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { requireListingEditor } from '../listings/ownership.ts';
import { AppError } from '../domain/errors.ts';
import { presentPhoto } from './present.ts';
import { maxPhotosPerListing, type PhotoSize, photoSizes } from '../domain/photos.ts';
import { makeWebSizes } from './processing.ts';
import { countPhotos, deletePhotoRow, insertPhoto, type ListingRef, selectListingOwner } from './queries.ts';
import type { PhotoStorage } from './storage.ts';

/** Adds a photo to one of the caller's listings: files first, then the row (files are removed if the row fails). */
export async function attachPhoto(
  db: Database,
  storage: PhotoStorage,
  actor: Actor,
  listing: ListingRef,
  upload: { data: Buffer; alt: string },
) {
  await requireEditableListing(db, actor, listing);
  const position = await countPhotos(db, listing);
  if (position >= maxPhotosPerListing) {
    throw new AppError(
      'too_many_photos',
      `Une annonce a ${maxPhotosPerListing} photos au plus : retirez-en une d'abord.`,
    );
  }
  const { width, height, variants } = await makeWebSizes(upload.data);
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
      position,
    });
    return presentPhoto(photo);
  } catch (error) {
    await storage.removeAll(storageKey);
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
  await requireEditableListing(db, actor, listing);
  const removed = await deletePhotoRow(db, listing, photoId);
  if (!removed) throw new AppError('not_found', 'Photo introuvable.');
  await storage.removeAll(removed.storageKey);
}

/** A photo file by the id the API gave out (ids are unguessable; files never change, so they cache forever). */
export async function readPhoto(storage: PhotoStorage, storageKey: string, size: PhotoSize) {
  const file = await storage.read(`${storageKey}/${size}.webp`);
  if (!file) throw new AppError('not_found', 'Photo introuvable.');
  return file;
}

async function requireEditableListing(db: Database, actor: Actor, listing: ListingRef) {
  const owner = await selectListingOwner(db, listing);
  if (!owner) throw new AppError('not_found', 'Annonce introuvable.');
  requireListingEditor(actor, owner);
}
