import type { ApiError, FieldError } from '$lib/api-types';
import type { FormErrors } from '$lib/form-errors';
import type { Translator } from '$lib/i18n';

/** The API's French message stays the last resort: a code the catalogue lacks is still explained. */
export function describeApiError(t: Translator, error: ApiError): string {
  return t.maybe(`errors.${error.error}`) ?? (error.message || t('error.unexpected'));
}

/**
 * Turns an API error into form errors. Field names are the API's own (`organisation.postcode`),
 * and forms name their inputs the same way; `messageScope` picks the catalogue entries to use
 * (`validation.<scope><field>.<rule>`, then `validation.<rule>`).
 */
export function toFormErrors(
  t: Translator,
  error: ApiError,
  options: { messageScope?: string; params?: Record<string, string | number>; fieldOrder?: readonly string[] } = {},
): FormErrors {
  const fields: Record<string, string> = {};
  for (const detail of inFormOrder(fieldErrorsOf(error), options.fieldOrder)) {
    if (fields[detail.field]) continue;
    fields[detail.field] =
      t.maybe(`validation.${options.messageScope ?? ''}${detail.field}.${detail.rule}`, options.params) ??
      t.maybe(`validation.${detail.rule}`, options.params) ??
      detail.message;
  }
  return { message: describeApiError(t, error), fields };
}

/** The summary lists errors in the order the fields appear, not the order the API checked them. */
function inFormOrder(details: FieldError[], fieldOrder: readonly string[] = []): FieldError[] {
  const rank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
  return [...details].sort((a, b) => rank(a.field) - rank(b.field));
}

function fieldErrorsOf(error: ApiError): FieldError[] {
  if (!Array.isArray(error.details)) return [];
  return error.details.filter(
    (detail): detail is FieldError =>
      typeof detail === 'object' &&
      detail !== null &&
      typeof detail.field === 'string' &&
      typeof detail.rule === 'string',
  );
}

/** The text fields of a submitted form, trimmed (files and repeated names are not used here). */
export function textFields<const Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '').trim()])) as Record<Name, string>;
}
