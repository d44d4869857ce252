/**
 * The borrower's side, server only: the days a loan may use, the structures one may borrow for,
 * the request form's checks and the booking API's errors as forms show them.
 */
import { addDays, isCalendarDay, parisToday } from '@mutua/server/domain/calendar-days';
import type { ApiError, ItemDetail, Me } from '@mutua/server/contract';
import type { FormErrors } from '$lib/form-errors';
import type { Translator } from '$lib/i18n';
import { toFormErrors } from './form-errors.ts';

/** The days a loan may use, from today in Paris: what the API will say, known before asking it. */
export function bookableWindow(item: Pick<ItemDetail, 'minNoticeDays' | 'horizonDays'>, today = parisToday()) {
  return {
    today,
    firstBookableDay: addDays(today, item.minNoticeDays),
    lastBookableDay: addDays(today, item.horizonDays),
  };
}

/** The structures a person may borrow for: trading ones, not the lender itself. */
export function borrowerStructures(me: Me | null, lenderId?: string) {
  return (me?.memberships ?? [])
    .filter((membership) => membership.canTrade && membership.organisation.id !== lenderId)
    .map(({ organisation }) => ({ id: organisation.id, name: organisation.name }));
}

export const requestFields = ['startDate', 'endDate', 'quantity', 'organisationId', 'message'] as const;
export type RequestValues = Record<(typeof requestFields)[number], string>;

/** What the request form checks before asking the API: both days, in order, and a whole quantity. */
export function checkRequest(
  t: Translator,
  values: Pick<RequestValues, 'startDate' | 'endDate' | 'quantity'>,
  maxQuantity?: number,
): FormErrors | null {
  const fields: Record<string, string> = {};
  if (!isCalendarDay(values.startDate)) fields.startDate = t('borrowing.request.startRequired');
  if (!isCalendarDay(values.endDate)) fields.endDate = t('borrowing.request.endRequired');
  else if (!fields.startDate && values.endDate < values.startDate)
    fields.endDate = t('borrowing.request.endBeforeStart');
  const quantity = Number(values.quantity || '1');
  const max = maxQuantity ?? 10_000;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > max)
    fields.quantity = t('borrowing.request.quantityRange', { max });
  return Object.keys(fields).length > 0 ? { message: t('errors.validation_failed'), fields } : null;
}

/** POST /api/bookings for one item. */
export function requestBody(itemId: string, values: RequestValues) {
  return {
    itemId,
    startDate: values.startDate,
    endDate: values.endDate,
    quantity: Number(values.quantity || '1'),
    ...(values.message ? { message: values.message } : {}),
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
  };
}

/**
 * The booking API's refusal as form errors. Its French message names the rule broken (« Le
 * retrait n’est pas possible le mercredi… »): French readers get it as it is, next to the field
 * it is about; an error about something the form has no field for goes to the summary.
 */
export function bookingFormErrors(
  t: Translator,
  error: ApiError,
  fieldOrder: readonly string[] = requestFields,
): FormErrors {
  const errors = toFormErrors(t, error, { fieldOrder });
  const fields = Object.fromEntries(Object.entries(errors.fields).filter(([field]) => fieldOrder.includes(field)));
  const elsewhere = Object.entries(errors.fields).find(([field]) => !fieldOrder.includes(field))?.[1];
  const specific = t.lang === 'fr' && error.error !== 'validation_failed' && error.message ? error.message : null;
  return { message: specific ?? (Object.keys(fields).length === 0 && elsewhere ? elsewhere : errors.message), fields };
}
