import sharp from 'sharp';
import { type PhotoSize, photoSizes } from '../domain/photos.ts';
import { AppError } from '../domain/errors.ts';

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'heif']);

/**
 * Turns an upload into WebP files of the web sizes. The format is read from the bytes (sharp
 * sniffs the header), never from the file name; orientation is applied and metadata (EXIF, GPS)
 * dropped.
 */
export async function makeWebSizes(upload: Buffer) {
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
  try {
    const variants = {} as Record<PhotoSize, Buffer>;
    let width = 0;
    let height = 0;
    for (const [size, maxWidth] of Object.entries(photoSizes) as Array<[PhotoSize, number]>) {
      const { data, info } = await sharp(upload, { limitInputPixels: 60_000_000 })
        .rotate()
        .resize({ width: maxWidth, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer({ resolveWithObject: true });
      variants[size] = data;
      if (size === 'large') ({ width, height } = info);
    }
    return { width, height, variants };
  } catch {
    // sharp's prebuilt libvips reads AVIF-coded HEIF but not the HEVC-coded HEIC of most phones.
    if (metadata.format === 'heif') {
      throw new AppError(
        'unreadable_heic',
        'Cette photo HEIC ne peut pas être lue ici : exportez-la en JPEG depuis votre téléphone, puis réessayez.',
      );
    }
    throw new AppError('unsupported_photo', 'Cette image est illisible ou trop grande.');
  }
}
