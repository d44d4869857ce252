import { fail, redirect } from '@sveltejs/kit';
import { serviceDomains } from '@mutua/server/domain/catalogue';
import type { CategoryList, NeedDetail } from '@mutua/server/contract';
import { categoryFamilies } from '$lib/catalogue/categories';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { textFields, toFormErrors } from '$lib/server/form-errors';
import { needBody, needFormFields } from './need-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const categories = await locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`);
  return {
    structures: me.memberships.filter((membership) => membership.canTrade).map((membership) => membership.organisation),
    pending: me.memberships.some(
      (membership) => membership.status === 'active' && membership.organisation.status === 'pending',
    ),
    families: categoryFamilies(categories.ok ? categories.data.categories : []),
    domains: serviceDomains,
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), needFormFields);
    const created = await locals.api.post<NeedDetail>('/api/needs', needBody(values));
    if (!created.ok) {
      return fail(created.status, {
        values,
        errors: toFormErrors(t, created.data, { messageScope: 'need.', fieldOrder: needFormFields }),
      });
    }
    redirect(303, `/besoins/${created.data.id}`);
  },
};
