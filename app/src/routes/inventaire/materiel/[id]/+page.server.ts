import { error, fail } from '@sveltejs/kit';
import type { Category, ItemDetail } from '$lib/api-types';
import { categoryFamilies } from '$lib/catalogue/categories';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { listingEditActions, photoTypes } from '$lib/server/listings';
import { itemFormFields, itemInput, itemPatchBody, itemValues } from '$lib/catalogue/item-form';
import type { Actions, PageServerLoad } from './$types';

async function editableItem(locals: App.Locals, id: string): Promise<ItemDetail> {
  const item = await locals.api.get<ItemDetail>(`/api/items/${segment(id)}`);
  const t = translator(locals.lang);
  if (!item.ok) error(item.status === 400 ? 404 : item.status, describeApiError(t, item.data));
  // Another structure's item is not editable from here: as if it did not exist.
  if (!item.data.viewer.canEdit) error(404, t('error.notFoundText'));
  return item.data;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireMe(locals, url);
  const [item, categories] = await Promise.all([
    editableItem(locals, params.id),
    locals.api.get<{ categories: Category[] }>(`/api/categories?lang=${locals.lang}`),
  ]);
  const created = url.searchParams.get('cree');
  const copied = url.searchParams.has('copie');
  return {
    item,
    values: itemValues(item, locals.lang),
    families: categoryFamilies(categories.ok ? categories.data.categories : []),
    photoTypes,
    /** Just listed (and how it stands), or just duplicated: said once, at the top. */
    arrival: created ? ('created' as const) : copied ? ('copied' as const) : null,
  };
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), itemFormFields);
    const options = { messageScope: 'item.', fieldOrder: itemFormFields };
    const { input, errors } = itemInput(values);
    if (errors.length > 0) return fail(400, { values, errors: toFormErrors(t, { error: 'validation_failed', message: '', details: errors }, options) });
    const current = await editableItem(locals, params.id);
    const changes = itemPatchBody(current, locals.lang, input);
    if (Object.keys(changes).length === 0) return { saveNotice: t('myOrganisation.unchanged') };
    const updated = await locals.api.patch<ItemDetail>(`/api/items/${segment(params.id)}`, changes);
    if (!updated.ok) return fail(updated.status, { values, errors: toFormErrors(t, updated.data, options) });
    return { saveNotice: t('myOrganisation.saved') };
  },
  ...listingEditActions('item'),
};
