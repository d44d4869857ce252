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
