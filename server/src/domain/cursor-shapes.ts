import Type from 'typebox';

/*
 * What each list writes into its cursors (the `encodeCursor` calls), as schemas of the decoded
 * tuple. The query schemas name one of these as the `format` of their `cursor` parameter, and
 * plugins/validation.ts decodes and checks it: a cursor of another shape (a word where an instant
 * goes, an id that is no uuid, a year 0) is a 400 naming `cursor` before any SQL sees it.
 */

const Uuid = Type.String({ format: 'uuid' });
/** A row's creation instant as the lists write it: UTC, to the microsecond (to_char in SQL). */
const CreatedKey = Type.String({
  format: 'date-time',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z$',
});
/** A float8 as PostgreSQL writes it (`0.0607927`, `6.07927e-05`): a rank or a distance. */
const Float = Type.String({ pattern: '^[0-9]{1,20}(\\.[0-9]{1,20})?(e[+-]?[0-9]{1,3})?$' });

export const cursorShapes = {
  /** Items, services and needs (listings/search.ts): [sort, key of that sort, id]. */
  'search-cursor': Type.Union([
    Type.Tuple([Type.Literal('newest'), CreatedKey, Uuid]),
    Type.Tuple([Type.Union([Type.Literal('relevance'), Type.Literal('distance')]), Float, Uuid]),
  ]),
  /** The directory of structures: [name, id]. */
  'directory-cursor': Type.Tuple([Type.String({ minLength: 1, maxLength: 300, pattern: '^[^\\u0000]*$' }), Uuid]),
  /** Bookings: [createdKey, id]. */
  'booking-cursor': Type.Tuple([CreatedKey, Uuid]),
  /** Notifications and the admins' mailbox: [id of a bigserial]. */
  'id-cursor': Type.Tuple([Type.String({ pattern: '^[1-9][0-9]{0,14}$' })]),
};

export type CursorShape = keyof typeof cursorShapes;

/** The `cursor` query parameter of a list whose cursors have `shape`. */
export function CursorQuerySchema(shape: CursorShape, maxLength = 500) {
  return Type.String({
    format: shape,
    maxLength,
    description: 'Le nextCursor de la page précédente, tel quel (opaque)',
  });
}
