/**
 * « Emprunter par dates »: the search lives in the URL (`/emprunter?du=2027-06-12&au=2027-06-14&q=tonnelle&quantite=2`),
 * so that it works without JavaScript and the back button too. Without dates in the URL, the
 * basket's dates are the search's.
 */
import { isCalendarDay } from '@mutua/server/domain/calendar-days';
import type { FormErrors } from '$lib/form-errors';
import type { Translator } from '$lib/i18n';

export type DateSearch = {
  /** As typed (checked by checkDateSearch), `YYYY-MM-DD` when right. */
  startDate: string;
  endDate: string;
  q: string;
  quantity: number;
  cursor: string;
};

/** The inputs of the search form, named as in the URL. */
export const searchFields = ['du', 'au', 'q', 'quantite'] as const;

export function dateSearchFromUrl(
  params: URLSearchParams,
  basketDates?: { startDate: string; endDate: string } | null,
): DateSearch {
  const text = (name: string, max: number) => (params.get(name) ?? '').trim().slice(0, max);
  const quantityText = text('quantite', 5);
  const quantity = /^[0-9]+$/.test(quantityText) ? Number(quantityText) : 1;
  const datesGiven = params.has('du') || params.has('au');
  return {
    startDate: datesGiven ? text('du', 10) : (basketDates?.startDate ?? ''),
    endDate: datesGiven ? text('au', 10) : (basketDates?.endDate ?? ''),
    q: text('q', 200),
    quantity: Math.min(Math.max(quantity, 1), 10_000),
    cursor: text('cursor', 500),
  };
}

/** Whether the search can be run: both days, in order, from today on. Nothing asked yet is no error. */
export function checkDateSearch(t: Translator, search: DateSearch, today: string): FormErrors | null {
  if (!search.startDate && !search.endDate) return null;
  const fields: Record<string, string> = {};
  if (!isCalendarDay(search.startDate)) fields.du = t('borrowing.request.startRequired');
  else if (search.startDate < today) fields.du = t('borrowing.search.pastStart');
  if (!isCalendarDay(search.endDate)) fields.au = t('borrowing.request.endRequired');
  else if (isCalendarDay(search.startDate) && search.endDate < search.startDate)
    fields.au = t('borrowing.request.endBeforeStart');
  return Object.keys(fields).length > 0 ? { message: t('errors.validation_failed'), fields } : null;
}

export function hasDates(search: DateSearch): boolean {
  return isCalendarDay(search.startDate) && isCalendarDay(search.endDate);
}

/** GET /api/items: only what is free, in that quantity, for the whole of those days. */
export function dateSearchApiQuery(search: DateSearch, limit: number): URLSearchParams {
  const query = new URLSearchParams({
    available_from: search.startDate,
    available_to: search.endDate,
    limit: String(limit),
  });
  if (search.quantity > 1) query.set('quantity', String(search.quantity));
  if (search.q) query.set('q', search.q);
  if (search.cursor) query.set('cursor', search.cursor);
  return query;
}

/** The API names its query's fields; the form names its inputs: an error shows next to the right one. */
export const apiFieldOfInput: Record<string, (typeof searchFields)[number]> = {
  available_from: 'du',
  available_to: 'au',
  quantity: 'quantite',
  q: 'q',
};

/** The search's own query (dates, words, quantity, page), defaults left out. */
export function dateSearchQuery(search: DateSearch, changes: Partial<DateSearch> = {}): string {
  const merged = { ...search, ...changes };
  const params = new URLSearchParams();
  if (merged.startDate) params.set('du', merged.startDate);
  if (merged.endDate) params.set('au', merged.endDate);
  if (merged.q) params.set('q', merged.q);
  if (merged.quantity > 1) params.set('quantite', String(merged.quantity));
  if (merged.cursor) params.set('cursor', merged.cursor);
  return params.toString();
}

export function dateSearchHref(
  search: DateSearch,
  changes: Partial<DateSearch> = {},
): '/emprunter' | `/emprunter?${string}` {
  const query = dateSearchQuery(search, changes);
  return query ? `/emprunter?${query}` : '/emprunter';
}
