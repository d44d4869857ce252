import { fail, redirect } from '@sveltejs/kit';
import { addDays, parisToday } from '@mutua/server/domain/calendar-days';
import type { Availability, BookingGroup, ItemDetail, ItemSummary, ItemSearchResult } from '@mutua/server/contract';
import { loanFits } from '$lib/bookings/calendar/selection';
import type { FormErrors } from '$lib/form-errors';
import { formatCalendarDay, translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import {
  addLine,
  areDates,
  type Basket,
  batchBody,
  clearBasket,
  hasDates,
  lineOfField,
  linesByLender,
  readBasket,
  removeLine,
  saveBasket,
  setLineQuantity,
  withDates,
} from '$lib/server/basket';
import { bookingFormErrors, borrowerStructures } from '$lib/server/borrowing';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import {
  apiFieldOfInput,
  checkDateSearch,
  dateSearchApiQuery,
  dateSearchFromUrl,
  dateSearchHref,
  hasDates as searchHasDates,
} from './date-search';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 24;

/** How a basket line stands for the basket's dates: free, not free (or not in that quantity), or no longer offered. */
type LineState = { state: 'free' | 'unavailable' | 'gone'; max: number };

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  const t = translator(locals.lang);
  const today = parisToday();
  const basket = readBasket(cookies);
  const search = dateSearchFromUrl(url.searchParams, basket);
  let failure = checkDateSearch(t, search, today);

  let results: ItemSummary[] = [];
  let nextPage: ReturnType<typeof dateSearchHref> | null = null;
  if (!failure && searchHasDates(search)) {
    const found = await locals.api.get<ItemSearchResult>(`/api/items?${dateSearchApiQuery(search, pageSize)}`);
    if (found.ok) {
      results = found.data.items;
      nextPage = found.data.nextCursor ? dateSearchHref(search, { cursor: found.data.nextCursor }) : null;
    } else {
      failure = searchFailure(t, found.data);
    }
  }

  return {
    today,
    search,
    searched: !failure && searchHasDates(search),
    failure,
    results,
    nextPage,
    basket,
    groups: basket ? linesByLender(basket) : [],
    lineStates: basket ? await lineStates(locals, basket) : {},
    structures: borrowerStructures(locals.me),
  };
};

/** An API error about the search: next to its input when it names one, else above the results. */
function searchFailure(t: ReturnType<typeof translator>, error: Parameters<typeof toFormErrors>[1]): FormErrors {
  const errors = toFormErrors(t, error);
  if (errors.fields.cursor) return { message: t('catalogue.staleLink'), fields: {} };
  const fields = Object.fromEntries(
    Object.entries(errors.fields).flatMap(([field, message]) =>
      apiFieldOfInput[field] ? [[apiFieldOfInput[field], message]] : [],
    ),
  );
  return { message: Object.keys(fields).length > 0 ? errors.message : describeApiError(t, error), fields };
}

/** Each line, checked against the basket's dates (with room after the end for the lender's buffer). */
async function lineStates(locals: App.Locals, basket: Basket): Promise<Record<string, LineState>> {
  const to = [addDays(basket.endDate, 30), addDays(basket.startDate, 365)].sort()[0]!;
  const entries = await Promise.all(
    basket.lines.map(async (line): Promise<[string, LineState]> => {
      const query = new URLSearchParams({ from: basket.startDate, to, quantity: String(line.quantity) });
      const answer = await locals.api.get<Availability>(`/api/items/${segment(line.itemId)}/availability?${query}`);
      if (!answer.ok) return [line.itemId, { state: answer.status === 404 ? 'gone' : 'free', max: line.quantity }];
      const fits = loanFits(basket.startDate, basket.endDate, answer.data.days, answer.data.rules, line.quantity);
      return [
        line.itemId,
        { state: fits ? 'free' : 'unavailable', max: Math.max(answer.data.quantity, line.quantity) },
      ];
    }),
  );
  return Object.fromEntries(entries);
}

const lineKey = (itemId: string) => `line-${itemId}`;

export const actions: Actions = {
  /** « Ajouter »: an item found for the search's dates, which become the basket's. */
  add: async ({ request, locals, url, cookies }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['itemId', 'quantity', 'startDate', 'endDate']);
    const addError = (status: number, message: string) =>
      fail(status, { addError: { itemId: values.itemId, message } });
    if (!areDates(values.startDate, values.endDate)) return addError(400, t('borrowing.search.chooseDates'));
    const item = await locals.api.get<ItemDetail>(`/api/items/${segment(values.itemId)}`);
    if (!item.ok) return addError(item.status === 400 ? 404 : item.status, describeApiError(t, item.data));
    if (!item.data.viewer.canBorrow) return addError(403, t('borrowing.basket.cannotAdd'));
    const quantity = Number(values.quantity || '1');
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > item.data.quantity) {
      return addError(400, t('borrowing.request.quantityRange', { max: item.data.quantity }));
    }

    const before = readBasket(cookies);
    const dates = { startDate: values.startDate, endDate: values.endDate };
    const line = {
      itemId: item.data.id,
      quantity,
      title: item.data.title,
      lender: { id: item.data.organisation.id, name: item.data.organisation.name },
    };
    if (!saveBasket(cookies, url, addLine(before, dates, line))) return addError(400, t('borrowing.basket.full'));
    const movedOthers =
      before !== null && !hasDates(before, dates) && before.lines.some((kept) => kept.itemId !== item.data.id);
    return {
      added: movedOthers
        ? t('borrowing.basket.addedWithDates', {
            title: item.data.title,
            start: formatCalendarDay(locals.lang, dates.startDate),
            end: formatCalendarDay(locals.lang, dates.endDate),
          })
        : t('borrowing.basket.added', { title: item.data.title }),
    };
  },

  /** « Modifier »: another quantity for one line. */
  quantity: async ({ request, locals, url, cookies }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['itemId', 'quantity']);
    const basket = readBasket(cookies);
    const line = basket?.lines.find((kept) => kept.itemId === values.itemId);
    if (!basket || !line) return fail(404, { failure: t('borrowing.basket.notThere') });
    const quantity = Number(values.quantity);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) {
      return fail(400, { lineErrors: { [line.itemId]: t('borrowing.request.quantityRange', { max: 10_000 }) } });
    }
    saveBasket(cookies, url, setLineQuantity(basket, line.itemId, quantity));
    return { notice: t('borrowing.basket.updated', { title: line.title, count: quantity }) };
  },

  /** « Retirer »: one line out. */
  remove: async ({ request, locals, url, cookies }) => {
    const t = translator(locals.lang);
    const { itemId } = textFields(await request.formData(), ['itemId']);
    const basket = readBasket(cookies);
    const line = basket?.lines.find((kept) => kept.itemId === itemId);
    if (!basket || !line) return fail(404, { failure: t('borrowing.basket.notThere') });
    saveBasket(cookies, url, removeLine(basket, itemId));
    return { notice: t('borrowing.basket.removed', { title: line.title }) };
  },

  /** The search's dates for the whole basket; its lines stay. */
  dates: async ({ request, locals, url, cookies }) => {
    const t = translator(locals.lang);
    const dates = textFields(await request.formData(), ['startDate', 'endDate']);
    const basket = readBasket(cookies);
    if (!basket) return fail(404, { failure: t('borrowing.basket.notThere') });
    if (!areDates(dates.startDate, dates.endDate) || dates.startDate < parisToday())
      return fail(400, { failure: t('borrowing.search.chooseDates') });
    saveBasket(cookies, url, withDates(basket, dates));
    return {
      notice: t('borrowing.basket.datesChanged', {
        start: formatCalendarDay(locals.lang, dates.startDate),
        end: formatCalendarDay(locals.lang, dates.endDate),
      }),
    };
  },

  clear: async ({ locals, url, cookies }) => {
    clearBasket(cookies, url);
    return { notice: translator(locals.lang)('borrowing.basket.cleared') };
  },

  /** « Envoyer la demande »: one request per lender, all or none; then the group's page. */
  send: async ({ request, locals, url, cookies }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['message', 'organisationId']);
    const basket = readBasket(cookies);
    if (!basket) return fail(400, { values, failure: t('borrowing.basket.empty') });
    const sent = await locals.api.post<BookingGroup>('/api/bookings/batch', batchBody(basket, values));
    if (!sent.ok) return fail(sent.status, { values, sendErrors: batchErrors(t, basket, sent.data) });
    clearBasket(cookies, url);
    redirect(303, `/prets/groupes/${sent.data.id}`);
  },
};

/**
 * The batch's refusal, each error where it belongs: a line's next to that line (`lines.0.itemId`),
 * the dates next to the basket's dates, the message and structure next to their fields. The
 * summary links to each (see the ids in BasketPanel).
 */
function batchErrors(t: ReturnType<typeof translator>, basket: Basket, error: Parameters<typeof toFormErrors>[1]) {
  const lineFields = (error.details ?? [])
    .map((detail) => detail.path)
    .filter((path) => lineOfField(basket, path) !== null);
  const errors = bookingFormErrors(t, error, ['startDate', 'endDate', 'organisationId', 'message', ...lineFields]);
  const fields: Record<string, string> = {};
  const lines: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors.fields)) {
    const itemId = lineOfField(basket, field);
    if (itemId) {
      lines[itemId] ??= message;
      fields[lineKey(itemId)] ??= message;
    } else if (field === 'startDate' || field === 'endDate') fields.dates ??= message;
    else fields[field] = message;
  }
  return { message: errors.message, fields, lines };
}
