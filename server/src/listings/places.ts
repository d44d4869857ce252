import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { communes } from '../db/schema/territories.ts';
import { fieldError } from '../plugins/errors.ts';
import type { Point } from './geo.ts';

/** `near=` names a commune by its INSEE code or its name (accents and case ignored). */
export async function resolveCommune(db: Database, near: string): Promise<Point & { name: string }> {
  const [commune] = await db
    .select({ name: communes.name, latitude: communes.latitude, longitude: communes.longitude })
    .from(communes)
    .where(or(eq(communes.inseeCode, near.trim()), sql`lower(unaccent(${communes.name})) = lower(unaccent(${near.trim()}))`))
    .limit(1);
  if (!commune) {
    throw fieldError('near', `Commune inconnue : « ${near} ».`, 'exists');
  }
  return commune;
}
