/** Listings that share a place (a commune's centre, one structure's address) make one marker, not a pile. */
export type Located = { latitude: number | null; longitude: number | null };
export type MapPlace<T> = { latitude: number; longitude: number; listings: T[] };

export function mapPlaces<T extends Located>(listings: readonly T[]): MapPlace<T>[] {
  const places = new Map<string, MapPlace<T>>();
  for (const listing of listings) {
    if (listing.latitude === null || listing.longitude === null) continue;
    // ~10 m: the same address, written by two structures, is one place.
    const key = `${listing.latitude.toFixed(4)},${listing.longitude.toFixed(4)}`;
    const place = places.get(key);
    if (place) place.listings.push(listing);
    else places.set(key, { latitude: listing.latitude, longitude: listing.longitude, listings: [listing] });
  }
  return [...places.values()];
}
