import { asc, sql } from 'drizzle-orm';
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
