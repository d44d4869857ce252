import { error, fail } from '@sveltejs/kit';
import type { BlockedPeriod, CategoryList, ItemDetail } from '@mutua/server/contract';
import { dateRangeLabel } from '$lib/bookings/booking-labels';
import { categoryFamilies } from '$lib/catalogue/categories';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields } from '$lib/server/form-errors';
import { lendingFormErrors, listingFormErrors, validationError } from '$lib/server/lending';
import { listingEditActions, photoTypes } from '$lib/server/listings';
import { itemFormFields, itemFormValues, itemInput, itemPatchBody, itemValues } from '$lib/catalogue/item-form';
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
  const [item, categories, periods] = await Promise.all([
    editableItem(locals, params.id),
    locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`),
    locals.api.get<BlockedPeriod[]>(`/api/items/${segment(params.id)}/blocked-periods`),
  ]);
  const created = url.searchParams.get('cree');
  const copied = url.searchParams.has('copie');
  return {
    item,
    values: itemValues(item, locals.lang),
    families: categoryFamilies(categories.ok ? categories.data.categories : []),
    photoTypes,
    /** The days the lender keeps the item back; null when they could not be loaded. */
    blockedPeriods: periods.ok ? [...periods.data].sort((a, b) => a.startDate.localeCompare(b.startDate)) : null,
    /** Just listed (and how it stands), or just duplicated: said once, at the top. */
    arrival: created ? ('created' as const) : copied ? ('copied' as const) : null,
  };
};

const blockedFields = ['startDate', 'endDate', 'reason', 'note'] as const;
const blockedReasons = ['closed', 'repair', 'internal_use'];
const day = /^\d{4}-\d{2}-\d{2}$/;

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const values = itemFormValues(await request.formData());
    const options = { messageScope: 'item.', fieldOrder: itemFormFields } as const;
    const { input, errors } = itemInput(values);
    if (errors.length > 0) return fail(400, { values, errors: listingFormErrors(t, validationError(errors), options) });
    const current = await editableItem(locals, params.id);
    const changes = itemPatchBody(current, locals.lang, input);
    if (Object.keys(changes).length === 0) return { saveNotice: t('myOrganisation.unchanged') };
    const updated = await locals.api.patch<ItemDetail>(`/api/items/${segment(params.id)}`, changes);
    if (!updated.ok) return fail(updated.status, { values, errors: listingFormErrors(t, updated.data, options) });
    return { saveNotice: t('myOrganisation.saved') };
  },

  addBlockedPeriod: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const period = textFields(await request.formData(), blockedFields);
    const options = { scope: 'blocked.', fieldOrder: blockedFields };
    const missing = (['startDate', 'endDate'] as const)
      .filter((field) => !day.test(period[field]))
      .map((field) => ({ path: field, code: period[field] ? 'format' : 'required', message: '' }));
    if (missing.length > 0)
      return fail(400, { period, periodErrors: lendingFormErrors(t, validationError(missing), options) });
    if (period.endDate < period.startDate) {
      return fail(400, {
        period,
        periodErrors: lendingFormErrors(t, validationError([{ path: 'endDate', code: 'order', message: '' }]), options),
      });
    }
    const added = await locals.api.post<BlockedPeriod>(`/api/items/${segment(params.id)}/blocked-periods`, {
      startDate: period.startDate,
      endDate: period.endDate,
      reason: blockedReasons.includes(period.reason) ? period.reason : 'closed',
      ...(period.note ? { note: period.note } : {}),
    });
    if (!added.ok) return fail(added.status, { period, periodErrors: lendingFormErrors(t, added.data, options) });
    return {
      periodNotice: t('lending.blocked.added', { dates: dateRangeLabel(t, added.data.startDate, added.data.endDate) }),
    };
  },

  deleteBlockedPeriod: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const { periodId } = textFields(await request.formData(), ['periodId']);
    const deleted = await locals.api.delete(`/api/items/${segment(params.id)}/blocked-periods/${segment(periodId)}`);
    if (!deleted.ok) return fail(deleted.status, { periodError: lendingFormErrors(t, deleted.data).message });
    return { periodNotice: t('lending.blocked.deleted') };
  },

  ...listingEditActions('item'),
};
