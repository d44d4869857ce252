import { eq, or, sql } from 'drizzle-orm';
import { organisations } from '../db/schema/organisations.ts';
import { locate } from '../reference/queries.ts';
import type { Database } from '../db/client.ts';
import { communes } from '../db/schema/territories.ts';
import { fieldError } from '../domain/errors.ts';
import type { Point } from './geo.ts';

/** `near=` names a commune by its INSEE code or its name (accents and case ignored). */
export async function resolveCommune(db: Database, near: string): Promise<Point & { name: string }> {
  const [commune] = await db
    .select({ name: communes.name, latitude: communes.latitude, longitude: communes.longitude })
    .from(communes)
    .where(
      or(eq(communes.inseeCode, near.trim()), sql`lower(unaccent(${communes.name})) = lower(unaccent(${near.trim()}))`),
    )
    .limit(1);
  if (!commune) {
    throw fieldError('near', `Commune inconnue : « ${near} ».`, 'exists');
  }
  return commune;
}

/** Where a structure is, as the default place of its listings. */
export async function organisationPlace(db: Database, organisationId: string) {
  const [row] = await db
    .select({
      address: organisations.address,
      city: organisations.city,
      postcode: organisations.postcode,
      territoryCode: organisations.territoryCode,
      latitude: organisations.latitude,
      longitude: organisations.longitude,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row!;
}

/**
 * Where a listing is: the city and postcode given, completed by the `fallback` place (the
 * structure's when it is new, the listing's own when it changes); département and coordinates
 * follow from the commune when it is known.
 */
export async function placeOfListing(
  db: Database,
  fallback: { city: string; postcode: string },
  given: { city?: string; postcode?: string },
) {
  const postcode = given.postcode ?? fallback.postcode;
  const { city, territoryCode, latitude, longitude } = await locate(db, given.city ?? fallback.city, postcode);
  return { city, postcode, territoryCode, latitude, longitude };
}
