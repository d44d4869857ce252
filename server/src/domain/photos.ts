/** The web sizes every photo is made in (width in px; never enlarged), for the server and the app's srcset. */
export const photoSizes = { small: 320, medium: 800, large: 1600 } as const;
export type PhotoSize = keyof typeof photoSizes;

export const maxPhotoBytes = 10 * 1024 * 1024;
export const maxPhotosPerListing = 8;
