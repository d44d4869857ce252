import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';
import { fieldError } from '../domain/errors.ts';

/** Items and needs name a category of the catalogue: a 400 naming `field` when there is none of that id. */
export async function requireCategory(db: Database, field: string, categoryId: string) {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!row) throw fieldError(field, `Catégorie inconnue : « ${categoryId} » (voir GET /api/categories).`);
}
