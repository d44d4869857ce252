/** The web sizes every photo is made in (width in px; never enlarged), for the server and the app's srcset. */
export const photoSizes = { small: 320, medium: 800, large: 1600 } as const;
export type PhotoSize = keyof typeof photoSizes;

export const maxPhotoBytes = 10 * 1024 * 1024;
/** Pixels a photo may have (a 60-megapixel camera's): what the server decodes stays bounded. */
export const maxPhotoPixels = 60_000_000;
export const maxPhotosPerListing = 8;
