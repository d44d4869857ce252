import type { Category } from '@mutua/server/contract';

export type CategoryFamily = { family: Category; children: Category[] };

/** The API lists each family followed by its sub-categories; the parent id is what tells them apart. */
export function categoryFamilies(categories: readonly Category[]): CategoryFamily[] {
  const families = categories.filter((category) => category.parentId === null);
  return families.map((family) => ({
    family,
    children: categories.filter((category) => category.parentId === family.id),
  }));
}

export function findCategory(categories: readonly Category[], id: string | null | undefined): Category | undefined {
  return id ? categories.find((category) => category.id === id) : undefined;
}
