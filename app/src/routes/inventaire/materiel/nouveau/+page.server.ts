import { fail, redirect } from '@sveltejs/kit';
import type { CategoryList, ItemDetail, OrganisationDetail } from '@mutua/server/contract';
import { categoryFamilies } from '$lib/catalogue/categories';
import { translator } from '$lib/i18n';
import { chosenMembership, requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { textFields } from '$lib/server/form-errors';
import { listingFormErrors } from '$lib/server/lending';
import { itemCreateBody, itemFormFields, itemFormValues, itemInput, newItemValues } from '$lib/catalogue/item-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const membership = chosenMembership(me, url.searchParams.get('structure'));
  if (!membership) redirect(303, '/inventaire');
  const [categories, organisation] = await Promise.all([
    locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`),
    locals.api.get<OrganisationDetail>(`/api/organisations/${segment(membership.organisation.id)}`),
  ]);
  const place = organisation.ok ? organisation.data : null;
  return {
    defaultPlace: place ? [place.address, `${place.postcode} ${place.city}`].filter(Boolean).join(', ') : undefined,
    organisation: membership.organisation,
    canPublish: membership.organisation.status === 'active',
    families: categoryFamilies(categories.ok ? categories.data.categories : []),
    values: newItemValues(),
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const values = itemFormValues(form);
    const { organisationId, status } = textFields(form, ['organisationId', 'status']);
    const { input, errors } = itemInput(values);
    const fieldOrder = itemFormFields;
    if (errors.length > 0) {
      return fail(400, {
        values,
        errors: listingFormErrors(
          t,
          { error: 'validation_failed', message: '', details: errors },
          { messageScope: 'item.', fieldOrder },
        ),
      });
    }
    const created = await locals.api.post<ItemDetail>('/api/items', {
      ...itemCreateBody(input),
      ...(organisationId ? { organisationId } : {}),
      status: status === 'draft' ? 'draft' : 'published',
    });
    if (!created.ok)
      return fail(created.status, {
        values,
        errors: listingFormErrors(t, created.data, { messageScope: 'item.', fieldOrder }),
      });
    redirect(303, `/inventaire/materiel/${created.data.id}?cree=${created.data.status}`);
  },
};
