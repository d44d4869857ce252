import { Ajv, type Options } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation. Query strings and path parameters arrive as text, so they are coerced
 * ("5" → 5); JSON bodies are not: `{"name": 42}` is a 400, never silently turned into "42".
 * Unknown fields are refused (schemas say additionalProperties: false), not stripped.
 */
export function installValidators(app: FastifyInstance) {
  const common: Options = { removeAdditional: false, allErrors: true, useDefaults: true, strict: false };
  // ajv-formats is CommonJS: under NodeNext its function is the `default` of the module object.
  const forText = ajvFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
  const forJson = ajvFormats.default(new Ajv({ ...common, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forJson : forText).compile(schema));
}
