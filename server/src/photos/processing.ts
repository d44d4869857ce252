import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { maxPhotoPixels, type PhotoSize, photoSizes } from '../domain/photos.ts';
import { AppError, fieldError } from '../domain/errors.ts';

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'heif']);

// libvips' operation cache keeps recent images for reuse; uploads never repeat, so it would only
// hold memory. One image is resized at a time, with every core: libvips splits an image's work
// over its threads, and eight 59-megapixel PNG photos at once measured about 50 MB less (peak RSS,
// `pnpm bench:uploads`) this way than one image per core with a thread each. The others wait in
// turn (p-limit's queue is first in, first out) holding a temporary file each, not memory.
sharp.cache(false);
sharp.concurrency(availableParallelism());
const oneImageAtATime = pLimit(1);

/**
 * Turns an upload into WebP files of the web sizes. The format is read from the bytes (sharp
 * sniffs the header), never from the file name; orientation is applied and metadata (EXIF, GPS)
 * dropped. One image is decoded at a time, and once. `upload` is the file's bytes or its path.
 */
export async function makeWebSizes(upload: Buffer | string) {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(upload).metadata();
  } catch {
    throw new AppError('unsupported_photo', "Ce fichier n'est pas une image (JPEG, PNG, WebP ou HEIC).");
  }
  if (!metadata.format || !acceptedFormats.has(metadata.format)) {
    throw new AppError(
      'unsupported_photo',
      `Format d'image non pris en charge (${metadata.format ?? 'inconnu'}) : envoyez du JPEG, PNG, WebP ou HEIC.`,
    );
  }
  const pixels = (metadata.width ?? 0) * (metadata.pageHeight ?? metadata.height ?? 0);
  if (pixels > maxPhotoPixels) {
    throw fieldError(
      'photo',
      `Cette photo compte ${Math.round(pixels / 1e6)} millions de pixels : ${maxPhotoPixels / 1e6} millions au plus. Réduisez-la avant de l'envoyer.`,
      'maxPixels',
    );
  }
  try {
    return await oneImageAtATime(() => resize(upload));
  } catch {
    // sharp's prebuilt libvips reads AVIF-coded HEIF but not the HEVC-coded HEIC of most phones.
    if (metadata.format === 'heif') {
      throw new AppError(
        'unreadable_heic',
        'Cette photo HEIC ne peut pas être lue ici : exportez-la en JPEG depuis votre téléphone, puis réessayez.',
      );
    }
    throw new AppError('unsupported_photo', 'Cette image est illisible.');
  }
}

/**
 * One decode: the upload becomes raw pixels at the largest web size (JPEG and WebP shrink while
 * they load), and every size is made from those. Three pipelines on the upload would decode it
 * three times; `clone()` too, as each clone reads its input again.
 */
async function resize(upload: Buffer | string) {
  const { data, info } = await sharp(upload, { limitInputPixels: maxPhotoPixels })
    .rotate()
    .resize({ width: photoSizes.large, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const variants = {} as Record<PhotoSize, Buffer>;
  for (const [size, width] of Object.entries(photoSizes) as Array<[PhotoSize, number]>) {
    variants[size] = await sharp(data, raw)
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
  }
  return { width: info.width, height: info.height, variants };
}
