import type { CategoryList } from '@mutua/server/contract';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const categories = await locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`);
  const families = (categories.ok ? categories.data.categories : []).filter((category) => category.parentId === null);
  return { families: families.map(({ id, name }) => ({ id, name })) };
};
