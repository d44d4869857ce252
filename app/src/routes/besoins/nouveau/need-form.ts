/** The inputs of the "post a need" form, named as POST /api/needs names its fields. */
export const needFormFields = [
  'organisationId',
  'kind',
  'title',
  'description',
  'categoryId',
  'serviceDomain',
  'neededFrom',
  'neededUntil',
] as const;
export type NeedFormValues = Record<(typeof needFormFields)[number], string>;

/**
 * The API body: a category for an item, a domain for a service (the other select, filled before
 * the kind was switched, is ignored); dates are calendar days (YYYY-MM-DD) straight from
 * `<input type="date">`, empty ones left out.
 */
export function needBody(values: NeedFormValues) {
  const kind = values.kind === 'service' ? 'service' : 'item';
  return {
    kind,
    title: values.title,
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    ...(values.description ? { description: values.description } : {}),
    ...(kind === 'item' && values.categoryId ? { categoryId: values.categoryId } : {}),
    ...(kind === 'service' && values.serviceDomain ? { serviceDomain: values.serviceDomain } : {}),
    ...(values.neededFrom ? { neededFrom: values.neededFrom } : {}),
    ...(values.neededUntil ? { neededUntil: values.neededUntil } : {}),
  };
}
