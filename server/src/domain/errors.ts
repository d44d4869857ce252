import Type from 'typebox';

/**
 * Every error the API can answer with, as data: the code travels in the JSON body
 * (`{ error, message, details? }`) and the app turns it back into a French sentence.
 */
export const errorStatuses = {
  validation_failed: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  organisation_not_active: 403,
  email_unverified: 403,
  listing_hidden: 403,
  cross_origin_request: 403,
  unsupported_photo: 415,
  unreadable_heic: 415,
  not_found: 404,
  email_taken: 409,
  organisation_exists: 409,
  already_member: 409,
  already_verified: 409,
  organisation_not_pending: 409,
  organisation_status_conflict: 409,
  membership_not_pending: 409,
  last_manager: 409,
  too_many_photos: 409,
  need_not_open: 409,
  link_invalid: 400,
  link_used: 409,
  link_expired: 410,
  email_not_retryable: 409,
  booking_rule: 400,
  item_unavailable: 409,
  slot_unavailable: 409,
  booking_out_of_order: 409,
  borrower_not_active: 409,
  quantity_in_use: 409,
  import_invalid: 400,
  import_columns: 400,
  payload_too_large: 413,
  account_suspended: 403,
  report_already_open: 409,
  listing_moderation_conflict: 409,
  report_already_resolved: 409,
  last_manager_with_open_loans: 409,
  charter_version_mismatch: 409,
  category_in_use: 409,
  network_role_conflict: 409,
  person_status_conflict: 409,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatuses;

/**
 * One thing wrong with a request, the same shape wherever it comes from (schema validation, a
 * use case's rule, a booking's line): `path` names the field as a dot path into the part of the
 * request at fault (`slots.0.endsAt`, `lines.2.startDate`, `organisation.networkId`; `''` for the
 * part as a whole), `code` the rule it breaks (an ajv keyword such as `required` or `format`, or a
 * rule of ours such as `order`, `past`, `consistency`), `message` a French sentence about it.
 */
export const ErrorDetailSchema = Type.Object(
  {
    path: Type.String({
      description:
        'Le champ en cause, en chemin à points (slots.0.endsAt, lines.2.startDate) ; vide pour la partie entière. Dans une clé, ~ s’écrit ~0, / ~1 et . ~2.',
    }),
    code: Type.String({ description: 'La règle enfreinte (required, format, minLength…, order, past, consistency…)' }),
    message: Type.String({ description: 'Phrase lisible, en français' }),
  },
  { additionalProperties: false },
);

export type ErrorDetail = Type.Static<typeof ErrorDetailSchema>;

/** An expected failure of a use case: its code decides the HTTP status. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.statusCode = errorStatuses[code];
  }
}

/** One key of a detail's dot path, escaped so that the path stays unambiguous (JSON Pointer's `~0`, `~1`, and `~2` for a dot). */
export function pathKey(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('.', '~2');
}

/** A 400 about one field, for rules that span several fields or need the database. */
export function fieldError(path: string, message: string, code = 'consistency') {
  return new AppError('validation_failed', message, [{ path, code, message }]);
}

export const ErrorSchema = Type.Object(
  {
    error: Type.String({ description: "Code de l'erreur, stable (ex. validation_failed)" }),
    message: Type.String({ description: 'Phrase lisible, en français' }),
    details: Type.Optional(Type.Array(ErrorDetailSchema, { description: 'Ce qui ne va pas, champ par champ' })),
  },
  { $id: 'Error', description: 'Erreur' },
);

/** Every 4xx and 5xx body: `error` is an ErrorCode, or a code of the framework's (`bad_request`). */
export type ErrorBody = Type.Static<typeof ErrorSchema>;

/** The error responses a route documents, by status. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorSchema]));
}
