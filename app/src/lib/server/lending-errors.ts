/**
 * What the lending pages make of the booking API's errors, and what each booking action's form
 * sends: pure functions, tested without a server.
 */
import type { ApiError, BookingAction, ErrorDetail } from '@mutua/server/contract';
import type { FormErrors } from '$lib/form-errors';
import type { Translator } from '$lib/i18n';
import { describeApiError, toFormErrors } from './form-errors.ts';

/**
 * The booking API's errors, as the lending pages show them. Its French `message` is specific
 * (« la quantité demandée dépasse… », the rule a request breaks): French readers get it as is;
 * English readers get our sentence for the code, when we have one.
 */
export function bookingErrorMessage(t: Translator, error: ApiError): string {
  if (error.error === 'validation_failed') return describeApiError(t, error);
  const ours = t.maybe(`lending.errors.${error.error}`);
  if (t.lang === 'fr' && error.message) return error.message;
  return ours ?? describeApiError(t, error);
}

/**
 * Form errors from an API error (or our own checks, in the API's shape). A detail's dot path
 * (`slots.0.endsAt`) is the name of its input. Each field's sentence is looked up as
 * `lending.validation.<scope><path>.<code>`, then as the app's `validation.<code>`, then the
 * API's own message.
 */
export function lendingFormErrors(
  t: Translator,
  error: ApiError,
  options: { scope?: string; fieldOrder?: readonly string[]; fieldKey?: (field: string) => string } = {},
): FormErrors {
  const rank = (field: string) => {
    const order = options.fieldOrder ?? [];
    const index = order.findIndex((name) => field === name || field.startsWith(`${name}.`));
    return index === -1 ? order.length : index;
  };
  const details = [...(error.details ?? [])].sort((a, b) => rank(a.path) - rank(b.path));
  const fields: Record<string, string> = {};
  for (const detail of details) {
    if (fields[detail.path]) continue;
    const key = options.fieldKey?.(detail.path) ?? detail.path;
    fields[detail.path] =
      t.maybe(`lending.validation.${options.scope ?? ''}${key}.${detail.code}`) ??
      t.maybe(`validation.${detail.code}`) ??
      detail.message;
  }
  return {
    message:
      error.error === 'validation_failed' && details.length > 0
        ? t('errors.validation_failed')
        : bookingErrorMessage(t, error),
    fields,
  };
}

/**
 * The catalogue's form errors (`toFormErrors`) for an item or a service, with our sentences for the
 * fields bookings added: the handover days and hours, the buffer and horizon, the service's slots
 * (the input `slots.0.endsAt`, worded by `lending.validation.slot.<code>`).
 */
export function listingFormErrors(
  t: Translator,
  error: ApiError,
  options: { messageScope: 'item.' | 'service.'; fieldOrder: readonly string[] },
): FormErrors {
  const fieldOrder = options.fieldOrder.flatMap((field) => (field === 'slots' ? [...slotFieldNames] : [field]));
  const errors = toFormErrors(t, error, { messageScope: options.messageScope, fieldOrder });
  const seen = new Set<string>();
  for (const detail of error.details ?? []) {
    if (seen.has(detail.path)) continue;
    seen.add(detail.path);
    const key = detail.path.startsWith('slots.')
      ? `slot.${detail.code}`
      : `${options.messageScope}${detail.path}.${detail.code}`;
    const own = t.maybe(`lending.validation.${key}`);
    if (own) errors.fields[detail.path] = own;
  }
  return errors;
}

/** The inputs of a service's slots, in the form's order (enough for any number of rows). */
const slotFieldNames = Array.from({ length: 50 }, (_, index) =>
  ['weekday', 'startsAt', 'endsAt'].map((part) => `slots.${index}.${part}`),
).flat();

/** Our own checks' errors, as the API would have said them. */
export function validationError(details: ErrorDetail[]): ApiError {
  return { error: 'validation_failed', message: '', details };
}

/** The actions a person takes on a booking from a page (the system's `expire` is not one). */
export const pageBookingActions = ['accept', 'decline', 'cancel', 'pickup', 'return', 'done', 'close'] as const;
export type PageBookingAction = (typeof pageBookingActions)[number] & BookingAction;

const returnConditions = ['as_lent', 'worn', 'damaged', 'incomplete'] as const;

/** What each action's form sends: its text fields, by the API's names, left out when empty. */
export const actionFields = {
  accept: ['message'],
  decline: ['reason'],
  cancel: ['reason'],
  pickup: ['note'],
  return: ['condition', 'incidentNote'],
  done: ['note'],
  close: ['feedback'],
} as const satisfies Record<PageBookingAction, readonly string[]>;

export function transitionBody(action: PageBookingAction, values: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of actionFields[action]) {
    const value = values[field] ?? '';
    if (field === 'condition' && !(returnConditions as readonly string[]).includes(value)) continue;
    if (value) body[field] = value;
  }
  return body;
}
