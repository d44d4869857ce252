import type { OrganisationDetail } from '@mutua/server/contract';

/** The fields a manager edits, named as the API names them in PATCH /api/organisations/:id. */
export const editableFields = [
  'name',
  'kind',
  'description',
  'address',
  'city',
  'postcode',
  'contactEmail',
  'phone',
  'website',
] as const;
export type EditableField = (typeof editableFields)[number];

/** Optional contact fields: an emptied input means "no longer given" (null), not an empty string. */
const nullableFields: ReadonlySet<EditableField> = new Set(['contactEmail', 'phone', 'website']);

/** Only what changed goes to the API: a PATCH names the fields it means to change. */
export function changesFrom(current: OrganisationDetail, submitted: Record<EditableField, string>) {
  const changes: Partial<Record<EditableField, string | null>> = {};
  for (const field of editableFields) {
    const before = current[field] ?? '';
    const after = submitted[field];
    if (after === before) continue;
    changes[field] = after === '' && nullableFields.has(field) ? null : after;
  }
  return changes;
}
