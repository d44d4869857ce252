import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';
import { communes, territories } from '../db/schema/territories.ts';

/** Categories, each family followed by its sub-categories. */
export async function selectCategories(db: Database) {
  return db
    .select({ id: categories.id, parentId: categories.parentId, nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(categories)
    .orderBy(
      sql`coalesce((select p.position from ${categories} p where p.id = ${categories.parentId}), ${categories.position})`,
      sql`${categories.parentId} is not null`,
      asc(categories.position),
    );
}

export async function selectTerritories(db: Database) {
  const [territoryRows, communeRows] = await Promise.all([
    db.select().from(territories).orderBy(asc(territories.code)),
    db.select().from(communes).orderBy(asc(communes.name)),
  ]);
  return territoryRows.map((territory) => ({
    ...territory,
    communes: communeRows
      .filter((commune) => commune.territoryCode === territory.code)
      .map(({ inseeCode, name, postcode, latitude, longitude }) => ({
        inseeCode,
        name,
        postcode,
        latitude,
        longitude,
      })),
  }));
}

/** Where a structure or a listing is: its département from the postcode, its coordinates when the commune is known. */
export async function locate(db: Database, city: string, postcode: string) {
  const [territory] = await db
    .select({ code: territories.code })
    .from(territories)
    .where(eq(territories.code, postcode.slice(0, 2)));
  const [commune] = await db
    .select({
      inseeCode: communes.inseeCode,
      name: communes.name,
      latitude: communes.latitude,
      longitude: communes.longitude,
    })
    .from(communes)
    .where(
      and(eq(communes.postcode, postcode), sql`lower(unaccent(${communes.name})) = lower(unaccent(${city.trim()}))`),
    );
  return {
    /** The commune's own spelling when it is known ("lille" → "Lille"). */
    city: commune?.name ?? city.trim(),
    territoryCode: territory?.code ?? null,
    communeInseeCode: commune?.inseeCode ?? null,
    latitude: commune?.latitude ?? null,
    longitude: commune?.longitude ?? null,
  };
}
