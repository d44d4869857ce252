import type { ApiError, ErrorDetail } from '@mutua/server/contract';
import type { FormErrors } from '$lib/form-errors';
import type { Translator } from '$lib/i18n';

/** The API's French message stays the last resort: a code the catalogue lacks is still explained. */
export function describeApiError(t: Translator, error: ApiError): string {
  return t.maybe(`errors.${error.error}`) ?? (error.message || t('error.unexpected'));
}

/**
 * Turns an API error into form errors. Each detail's dot path is the API's field
 * (`organisation.postcode`, `slots.0.endsAt`), and forms name their inputs the same way;
 * `messageScope` picks the catalogue entries to use (`validation.<scope><path>.<code>`, then
 * `validation.<code>`).
 */
export function toFormErrors(
  t: Translator,
  error: ApiError,
  options: { messageScope?: string; params?: Record<string, string | number>; fieldOrder?: readonly string[] } = {},
): FormErrors {
  const fields: Record<string, string> = {};
  for (const detail of inFormOrder(error.details ?? [], options.fieldOrder)) {
    if (fields[detail.path]) continue;
    fields[detail.path] =
      t.maybe(`validation.${options.messageScope ?? ''}${detail.path}.${detail.code}`, options.params) ??
      t.maybe(`validation.${detail.code}`, options.params) ??
      detail.message;
  }
  return { message: describeApiError(t, error), fields };
}

/** The summary lists errors in the order the fields appear, not the order the API checked them. */
function inFormOrder(details: ErrorDetail[], fieldOrder: readonly string[] = []): ErrorDetail[] {
  const rank = (path: string) => (fieldOrder.includes(path) ? fieldOrder.indexOf(path) : fieldOrder.length);
  return [...details].sort((a, b) => rank(a.path) - rank(b.path));
}

/** The text fields of a submitted form, trimmed (files and repeated names are not used here). */
export function textFields<const Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '').trim()])) as Record<Name, string>;
}
