import type { Category } from '$lib/api-types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const categories = await locals.api.get<{ categories: Category[] }>(`/api/categories?lang=${locals.lang}`);
  const families = (categories.ok ? categories.data.categories : []).filter((category) => category.parentId === null);
  return { families: families.map(({ id, name }) => ({ id, name })) };
};
