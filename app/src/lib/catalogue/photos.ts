import { type PhotoSize, photoSizes as photoWidths } from '@mutua/server/domain/photos';
import type { Photo } from '@mutua/server/contract';

/**
 * `srcset` and boxes for the API's resized photos (/api/photos/<id>/<size>.webp). A photo smaller
 * than a size is not enlarged: its own width is used instead.
 */
export type { PhotoSize };

export function photoSrcset(photo: Photo): string {
  const sizes = Object.keys(photoWidths) as PhotoSize[];
  return sizes.map((size) => `${photo.urls[size]} ${Math.min(photoWidths[size], photo.width)}w`).join(', ');
}

/** The `width` and `height` attributes for one size: the browser reserves the space before the image loads. */
export function photoBox(photo: Photo, size: PhotoSize): { width: number; height: number } {
  const width = Math.min(photoWidths[size], photo.width);
  return { width, height: Math.max(1, Math.round((photo.height * width) / photo.width)) };
}
