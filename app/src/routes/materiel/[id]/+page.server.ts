import { fail, redirect } from '@sveltejs/kit';
import type { Booking, ItemDetail } from '@mutua/server/contract';
import { formatCalendarDay, translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { loadCalendar } from '$lib/server/availability';
import { addLine, hasDates, readBasket, saveBasket } from '$lib/server/basket';
import { bookingFormErrors, borrowerStructures, checkRequest, requestBody, requestFields } from '$lib/server/borrowing';
import { describeApiError, textFields } from '$lib/server/form-errors';
import { loadListing } from '$lib/server/listings';
import { fileReport } from '$lib/reports/report-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
  const { listing: item, organisation } = await loadListing<ItemDetail>(locals, '/api/items', params.id);
  const calendar = await loadCalendar(locals, item, url.searchParams);
  const inBasket = readBasket(cookies)?.lines.find((line) => line.itemId === item.id)?.quantity ?? 0;
  return { item, organisation, calendar, inBasket, structures: borrowerStructures(locals.me, item.organisation.id) };
};

export const actions: Actions = {
  /** « Signaler » (ReportDialog). */
  report: fileReport,

  /** « Demander ce matériel »: one request, then its page. */
  request: async ({ request, locals, params, url }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), requestFields);
    const invalid = checkRequest(t, values);
    if (invalid) return fail(400, { values, errors: invalid });
    const created = await locals.api.post<Booking>('/api/bookings', requestBody(params.id, values));
    if (!created.ok) return fail(created.status, { values, errors: bookingFormErrors(t, created.data) });
    redirect(303, `/prets/${created.data.id}`);
  },

  /** « Ajouter au panier »: the item, its quantity and dates (which become the basket's) go to the basket. */
  addToBasket: async ({ request, locals, params, url, cookies }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), requestFields);
    const item = await locals.api.get<ItemDetail>(`/api/items/${segment(params.id)}`);
    if (!item.ok) return fail(item.status, { values, errors: { message: describeApiError(t, item.data), fields: {} } });
    if (!item.data.viewer.canBorrow)
      return fail(403, { values, errors: { message: t('borrowing.request.cannotBorrow'), fields: {} } });
    const invalid = checkRequest(t, values, item.data.quantity);
    if (invalid) return fail(400, { values, errors: invalid });

    const before = readBasket(cookies);
    const dates = { startDate: values.startDate, endDate: values.endDate };
    const line = {
      itemId: item.data.id,
      quantity: Number(values.quantity || '1'),
      title: item.data.title,
      lender: { id: item.data.organisation.id, name: item.data.organisation.name },
    };
    if (!saveBasket(cookies, url, addLine(before, dates, line))) {
      return fail(400, { values, errors: { message: t('borrowing.basket.full'), fields: {} } });
    }
    // The other lines follow the new dates: say so when there were other dates.
    const movedOthers =
      before !== null && !hasDates(before, dates) && before.lines.some((kept) => kept.itemId !== item.data.id);
    const notice = movedOthers
      ? t('borrowing.basket.addedWithDates', {
          title: item.data.title,
          start: formatCalendarDay(locals.lang, values.startDate),
          end: formatCalendarDay(locals.lang, values.endDate),
        })
      : t('borrowing.basket.added', { title: item.data.title });
    return { values, basketNotice: notice };
  },
};
