import { Ajv, type Options, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { isCalendarDay, isInstant } from '../domain/calendar-days.ts';
import { AppError } from '../domain/errors.ts';
import { readCursor } from '../pagination/cursor.ts';
import { cursorShapes } from '../domain/cursor-shapes.ts';
import { describeValidationError, toErrorDetails } from './validation-messages.ts';

/**
 * Request validation. Query strings and path parameters arrive as text, so they are coerced
 * ("5" → 5); JSON bodies are not: `{"name": 42}` is a 400, never silently turned into "42".
 * Unknown fields are refused (schemas say additionalProperties: false), not stripped.
 */
const common: Options = {
  removeAdditional: false,
  allErrors: true,
  useDefaults: true,
  strict: false,
  // `multipleOf: 0.01` (amounts to the cent) despite float division: 12.34 / 0.01 is 1233.9999999999998.
  multipleOfPrecision: 6,
};
const forText = withFormats(new Ajv({ ...common, coerceTypes: 'array' }));
const forJson = withFormats(new Ajv({ ...common, coerceTypes: false }));

/**
 * ajv-formats, with `date` and `date-time` bounded to what PostgreSQL and JavaScript both read
 * (domain/calendar-days.ts: no year 0000, no leap second, no offset of +23:59), and the cursor
 * formats of domain/cursor-shapes.ts: the cursor decoded and checked against its list's shape.
 */
function withFormats(ajv: Ajv): Ajv {
  // ajv-formats is CommonJS: under NodeNext its function is the `default` of the module object.
  ajvFormats.default(ajv);
  ajv.addFormat('date', { type: 'string', validate: isCalendarDay });
  ajv.addFormat('date-time', { type: 'string', validate: isInstant });
  for (const [format, shape] of Object.entries(cursorShapes)) {
    let matchesShape: ValidateFunction | undefined;
    ajv.addFormat(format, {
      type: 'string',
      validate: (cursor) => {
        // Compiled on first use, by the JSON validator: the decoded key is never coerced.
        matchesShape ??= forJson.compile(shape);
        const key = readCursor(cursor);
        return key !== undefined && matchesShape(key);
      },
    });
  }
  return ajv;
}

export function installValidators(app: FastifyInstance) {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? forJson : forText).compile(schema));
  // Before the schemas: a field the schema would refuse anyway still gets the one clear reason.
  app.addHook('preValidation', async (request) => refuseNulCharacters(request));
}

/**
 * PostgreSQL cannot store U+0000 in text (SQLSTATE 22021): a NUL anywhere in a path parameter,
 * the query string or a body (JSON or text) is refused here, as a 400 naming the field, before
 * any query would fail with a 500. JSON allows it (`"a\u0000b"`), so does `%00` in a URL.
 */
function refuseNulCharacters(request: FastifyRequest) {
  const parts = { params: request.params, querystring: request.query, body: request.body } as const;
  for (const [context, value] of Object.entries(parts)) {
    const paths = pathsWithNul(value);
    if (paths.length === 0) continue;
    const errors = paths.map((instancePath): FastifySchemaValidationError => ({
      keyword: 'characters',
      instancePath,
      schemaPath: '',
      params: {},
      message: '',
    }));
    const details = toErrorDetails(errors, context);
    throw new AppError('validation_failed', describeValidationError(details), details);
  }
}

/** The JSON-pointer paths (as ajv writes them, `~1` for a `/` in a key) of the strings and keys that hold a NUL, in document order; a loop, so deep nesting cannot overflow the stack. */
function pathsWithNul(root: unknown): string[] {
  const found: string[] = [];
  const pending: Array<{ value: unknown; path: string; badKey?: boolean }> = [{ value: root, path: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, badKey } = next;
    if (badKey || (typeof value === 'string' && value.includes('\u0000'))) found.push(path);
    else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      // Pushed last to first, so that they come off the stack in order (no spread: an array may be long).
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, inner] = entries[index]!;
        pending.push({
          value: inner,
          path: `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('\u0000', '\\u0000')}`,
          badKey: key.includes('\u0000'),
        });
      }
    }
  }
  return found;
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
