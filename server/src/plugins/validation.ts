import { Ajv, type Options, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation. Query strings and path parameters arrive as text, so they are coerced
 * ("5" → 5); JSON bodies are not: `{"name": 42}` is a 400, never silently turned into "42".
 * Unknown fields are refused (schemas say additionalProperties: false), not stripped.
 */
const common: Options = { removeAdditional: false, allErrors: true, useDefaults: true, strict: false };
// ajv-formats is CommonJS: under NodeNext its function is the `default` of the module object.
const forText = ajvFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
const forJson = ajvFormats.default(new Ajv({ ...common, coerceTypes: false }));

export function installValidators(app: FastifyInstance) {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forJson : forText).compile(schema));
}

/** The body validator of a schema, for input that does not come as a JSON body (a CSV row). */
export function compileBodyValidator(schema: object): ValidateFunction {
  return forJson.compile(schema);
}

/**
 * A body validator for a union of two object shapes told apart by one field: only the chosen
 * shape's errors are reported (a plain anyOf would list the errors of both).
 */
export function unionBodyValidatorCompiler(discriminator: string, whenPresent: object, otherwise: object) {
  const present = forJson.compile(whenPresent);
  const absent = forJson.compile(otherwise);
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) => {
    if (httpPart !== 'body') return forText.compile(schema);
    const validate = (body: unknown) => {
      const chosen = body !== null && typeof body === 'object' && discriminator in body ? present : absent;
      const valid = chosen(body);
      validate.errors = chosen.errors;
      return valid;
    };
    validate.errors = null as ValidateFunction['errors'];
    return validate;
  };
}
