import Type from 'typebox';

/**
 * A value or null. For a schema with a single JSON type this is `type: [T, 'null']` rather than
 * `anyOf`: same meaning, but the response serializer writes it directly instead of trying each
 * branch of a union for every value.
 */
export function Nullable<T extends Type.TSchema>(schema: T) {
  const type = (schema as { type?: unknown }).type;
  if (typeof type === 'string') return Type.Unsafe<Type.Static<T> | null>({ ...schema, type: [type, 'null'] });
  return Type.Union([schema, Type.Null()]);
}
