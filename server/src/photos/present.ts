/** How a photo is shown in API responses: its sizes as URLs under /api/photos. */
export function presentPhoto(photo: { id: string; width: number; height: number; alt: string }) {
  const url = (size: string) => `/api/photos/${photo.id}/${size}.webp`;
  return {
    id: photo.id,
    width: photo.width,
    height: photo.height,
    alt: photo.alt,
    urls: { small: url('small'), medium: url('medium'), large: url('large') },
  };
}
