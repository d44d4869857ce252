import fc from 'fast-check';
import { encodeCursor } from '../../src/pagination/cursor.ts';
import { addDays, parisToday } from '../../src/domain/calendar-days.ts';
import { testPassword } from '../factories.ts';
import type { JsonSchema } from './route-table.ts';
import type { Scene } from './scene.ts';

/*
 * fast-check arbitraries derived from the JSON Schemas of the OpenAPI document. An object is
 * either all fitting (so that the request gets past validation and reaches the service, with
 * real ids of the scene and values at the edges of each range), or fitting but for one field
 * (a hostile value: wrong type, NUL, lone surrogate, huge string or array, year 0000, sub-cent
 * amount, crafted cursor, id of another kind of row), or short of a required field, or with a
 * field it does not know.
 */

export const hostileStrings = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\ufeff',
  'e\u0301',
  '😀'.repeat(40),
  "'; drop table users; --",
  '%00',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e308',
  '0x10',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
];

const hostileNumbers = [-0, -1, 1.5, 0.001, 0.005, 0.004999, 1e-7, 12.345, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308];

export const hostileDays = [
  '0000-01-01',
  '0001-01-01',
  '0099-12-31',
  '1899-12-31',
  '3000-01-01',
  '9999-12-31',
  '10000-01-01',
  '-000001-01-01',
  '+002027-01-01',
  '2027-02-29',
  '2027-13-01',
  '2027-00-10',
  '2027-1-1',
  '27-01-01',
];

export const hostileInstants = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2027-06-30T23:59:60Z',
  '2027-06-01T10:00:00+23:59',
  '2027-06-01T10:00:00+14:01',
  '2027-06-01T10:00:00-15:00',
  '2027-06-01T10:00:00+23',
  '2027-06-01T10:00:00',
  '2027-06-01 10:00:00Z',
  '2027-06-01t10:00:00z',
  '2027-06-01T10:00:00.123456789Z',
  '2027-02-29T10:00:00Z',
];

/** fc.oneof by weight, leaving out the choices of weight 0 (given as functions, they are not even built). */
export function weighted<T>(choices: Array<[number, fc.Arbitrary<T> | (() => fc.Arbitrary<T>)]>): fc.Arbitrary<T> {
  return fc.oneof(
    ...choices
      .filter(([weight]) => weight > 0)
      .map(([weight, arbitrary]) => ({ weight, arbitrary: typeof arbitrary === 'function' ? arbitrary() : arbitrary })),
  );
}

/** Anything JSON can carry, of any type: what a field gets when the caller ignores its type. */
export function anyJson(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...hostileNumbers),
    fc.constantFrom(...hostileStrings),
    fc.constant('x'.repeat(20_000)),
    fc.constant({}),
    fc.constant([]),
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.constant('é'), { minLength: 200, maxLength: 300 }),
  );
}

/** Values of fields and parameters best taken from the scene or the reference data, by name. */
function hintedValues(name: string, scene: Scene): string[] {
  const ids = scene.ids;
  const byName: Record<string, string[]> = {
    itemId: ids.items,
    serviceId: ids.services,
    organisationId: ids.organisations,
    organisation: ids.organisations,
    userId: ids.users,
    categoryId: ['tonnelles', 'outillage', 'evenementiel', 'sonorisation'],
    category: ['tonnelles', 'outillage', 'transition_ecologique', 'evenementiel'],
    territory: ['59', '62', '80', '00'],
    near: ['Lille', '59350', 'Roubaix', 'Atlantis'],
    postcode: ['59000', '62000', '00000'],
    pickupPostcode: ['59000', '62000'],
    q: ['tonnelle', 'scie sauteuse', 'tonnelles pliantes', 'réunion', '&|!:*', "l'été", 'de la'],
    email: scene.emails,
    password: [testPassword],
    token: scene.tokens,
  };
  return byName[name] ?? [];
}

const allIds = (scene: Scene) => Object.values(scene.ids).flat();

type Context = {
  scene: Scene;
  name: string;
  depth: number;
  /** The route's OpenAPI path: a list's cursors are its own. */
  path?: string;
};

/**
 * Values JSON Schema's own words let through (ajv-formats: any four-digit year, a leap second,
 * an offset of +23:59; a string of any characters; any number within the bounds) and that a
 * database or date arithmetic may still choke on: a fitting value is one of these one time in six.
 */
const edgeDays = ['0000-01-01', '0001-01-01', '0099-12-31', '1900-01-01', '2999-12-31', '9999-12-31', '2028-02-29'];
const edgeInstants = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2027-06-30T23:59:60Z',
  '2027-06-01T10:00:00+23:59',
  '2027-06-01t10:00:00z',
  '2027-06-01 10:00:00Z',
  '2027-06-01T10:00:00.123456789Z',
];
const edgeText = ['a\u0000b', '\ud800', ' ', '\u202e', 'e\u0301', "'; drop table items; --", '%', '\\', '"'];

function edgeOf(typical: fc.Arbitrary<string>, edges: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return weighted([
    [5, typical],
    [1, edges],
  ]);
}

function fittingString(schema: JsonSchema, { scene, name, path }: Context): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 60;
  const hinted = hintedValues(name, scene).filter((value) => value.length <= maxLength);
  const withHints = (arbitrary: fc.Arbitrary<string>) =>
    hinted.length
      ? weighted([
          [2, fc.constantFrom(...hinted)],
          [1, arbitrary],
        ])
      : arbitrary;
  switch (schema.format) {
    case 'uuid':
      return withHints(
        edgeOf(
          fc.oneof(fc.constantFrom(...allIds(scene)), fc.uuid()),
          fc.constantFrom('00000000-0000-0000-0000-000000000000', allIds(scene)[0]!.toUpperCase()),
        ),
      );
    case 'date': {
      const today = parisToday();
      return edgeOf(
        fc.integer({ min: -30, max: 200 }).map((days) => addDays(today, days)),
        fc.constantFrom(...edgeDays, addDays(today, -400), addDays(today, 800)),
      );
    }
    case 'date-time': {
      const now = Date.now();
      const day = 24 * 3600 * 1000;
      return edgeOf(
        fc
          .integer({ min: -30 * day, max: 200 * day })
          .map((offset) => new Date(Math.floor((now + offset) / 900_000) * 900_000).toISOString()),
        fc.constantFrom(...edgeInstants),
      );
    }
    case 'email':
      return withHints(fc.emailAddress().filter((email) => email.length <= maxLength));
    case 'uri':
      return fc.webUrl().filter((url) => url.length <= maxLength);
  }
  if (schema.format?.endsWith('-cursor') || name === 'cursor') {
    const cursors = scene.cursors[path ?? ''] ?? [];
    return cursors.length ? edgeOf(fc.constantFrom(...cursors), alteredCursor(cursors)) : craftedCursor(scene);
  }
  if (schema.pattern) {
    const matching = fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= maxLength);
    return withHints(matching);
  }
  const edges = [
    ...edgeText,
    'x'.repeat(maxLength),
    'é'.repeat(maxLength),
    '😀'.repeat(Math.floor(maxLength / 2)),
  ].filter((text) => text.length >= minLength && text.length <= maxLength);
  const typical = fc.string({ minLength, maxLength: Math.min(maxLength, 80), unit: 'grapheme' });
  return withHints(edges.length ? edgeOf(typical, fc.constantFrom(...edges)) : typical);
}

const cursorPartReplacements: unknown[] = [
  '1',
  'Tue 1 Jan',
  '0000-01-01T00:00:00.000000Z',
  '2027-02-30T10:00:00.000000Z',
  'not-a-uuid',
  '',
  'NaN',
  '-1',
  42,
  null,
];

/** A real cursor with one of its parts replaced: a word where an instant goes, year 0, an id that is not one. */
function alteredCursor(cursors: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...cursors), fc.nat(), fc.constantFrom(...cursorPartReplacements))
    .map(([cursor, at, value]) => withPart(cursor, at, value));
}

function withPart(cursor: string, at: number, value: unknown): string {
  const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  key[at % key.length] = value;
  return encodeCursor(key);
}

/** Every alteration of a list's first real cursor: each part in turn replaced by each replacement. */
function everyAlteredCursor(cursors: string[]): string[] {
  const [cursor] = cursors;
  if (!cursor) return [];
  const length = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]).length;
  return Array.from({ length }, (_, at) => cursorPartReplacements.map((value) => withPart(cursor, at, value))).flat();
}

/** What a string field must refuse: the wrong shape for its format, too short or too long, characters no database takes. */
function hostileString(schema: JsonSchema, { scene, name }: Context): fc.Arbitrary<unknown> {
  const maxLength = schema.maxLength ?? 60;
  const byFormat: fc.Arbitrary<string>[] = [];
  if (schema.format === 'uuid')
    byFormat.push(fc.constantFrom('00000000-0000-0000-0000-00000000000g', 'not-a-uuid', `${allIds(scene)[0]!}0`));
  if (schema.format === 'date') byFormat.push(fc.constantFrom(...hostileDays));
  if (schema.format === 'date-time') byFormat.push(fc.constantFrom(...hostileInstants));
  if (schema.format?.endsWith('-cursor') || name === 'cursor') byFormat.push(craftedCursor(scene));
  return weighted<unknown>([
    ...byFormat.map((arbitrary): [number, fc.Arbitrary<unknown>] => [4, arbitrary]),
    [2, fc.constantFrom(...hostileStrings, 'x'.repeat(maxLength + 1))],
    [1, fc.string({ maxLength: 30, unit: 'binary' })],
    [1, anyJson()],
  ]);
}

/** Cursors of the right base64url JSON but the wrong contents: a word where an instant goes, a non-uuid id. */
function craftedCursor(scene: Scene): fc.Arbitrary<string> {
  const part = fc.oneof(
    fc.constantFrom('newest', 'relevance', 'distance', '1', '0000-01-01T00:00:00.000000Z', 'not-a-uuid', ''),
    fc.constantFrom(...allIds(scene)),
    fc.constant(new Date().toISOString().replace('Z', '000Z')),
    fc.jsonValue({ maxDepth: 1 }),
  );
  return fc.oneof(
    fc.array(part, { minLength: 1, maxLength: 4 }).map((key) => encodeCursor(key)),
    fc.string({ maxLength: 30 }),
  );
}

function bounds(schema: JsonSchema, integer: boolean) {
  const exclusiveMinimum = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclusiveMaximum = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  const step = integer ? 1 : (schema.multipleOf ?? 0.01);
  return {
    min: schema.minimum ?? (exclusiveMinimum === undefined ? (integer ? -1000 : -1e6) : exclusiveMinimum + step),
    max: schema.maximum ?? (exclusiveMaximum === undefined ? (integer ? 100_000 : 1e6) : exclusiveMaximum - step),
  };
}

function fittingNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const { min, max } = bounds(schema, integer);
  const step = schema.multipleOf ?? (integer ? 1 : undefined);
  const inRange = step
    ? fc
        .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
        .map((steps) => (integer ? steps * step : Number((steps * step).toFixed(2))))
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return weighted([
    [5, inRange],
    [1, fc.constantFrom(...numberEdges(schema, integer))],
  ]);
}

/** The bounds of a number, and values within them finer than any amount or count is stored (0.001 €, 1e-7). */
function numberEdges(schema: JsonSchema, integer: boolean): number[] {
  const { min, max } = bounds(schema, integer);
  const inside = (value: number) =>
    (schema.minimum === undefined || value >= schema.minimum) &&
    (schema.maximum === undefined || value <= schema.maximum) &&
    (typeof schema.exclusiveMinimum !== 'number' || value > schema.exclusiveMinimum) &&
    (typeof schema.exclusiveMaximum !== 'number' || value < schema.exclusiveMaximum);
  const fine = integer || schema.multipleOf ? [] : [0.001, 0.004, 0.005, 1e-7, 12.345, min + 0.001, max - 0.001];
  return [...new Set([min, max, ...fine.filter(inside)])];
}

function hostileNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const { min, max } = bounds(schema, integer);
  return fc.oneof(fc.constantFrom(min - 1, max + 1, min - 0.001, ...hostileNumbers), anyJson());
}

function itemsOf(schema: JsonSchema) {
  if (Array.isArray(schema.items)) return { tuple: schema.items };
  if (schema.prefixItems) return { tuple: schema.prefixItems };
  return { item: schema.items };
}

function typesOf(schema: JsonSchema): string[] {
  const types = Array.isArray(schema.type) ? [...schema.type] : schema.type ? [schema.type] : [];
  if (schema.nullable) types.push('null');
  if (types.length === 0 && schema.properties) types.push('object');
  return types;
}

/** A value `schema` accepts (as far as its JSON Schema tells: rules across fields are the service's). */
function fitting(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => fitting(choice, context)));
  if (schema.allOf?.length) return fitting(Object.assign({}, ...schema.allOf) as JsonSchema, context);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => fitting({ ...schema, type, nullable: false }, context)));
  const deeper = { ...context, depth: context.depth + 1 };
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fittingNumber(schema, true);
    case 'number':
      return fittingNumber(schema, false);
    case 'string':
      return fittingString(schema, context);
    case 'array': {
      const { tuple, item } = itemsOf(schema);
      if (tuple) return fc.tuple(...tuple.map((entry) => fitting(entry, deeper)));
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      const minLength = Math.min(schema.minItems ?? 0, maxLength);
      const items = item ? fitting(item, deeper) : fc.jsonValue({ maxDepth: 1 });
      return schema.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return fittingObject(schema, context);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Each optional field is there one time in three: with a dozen of them, the rules across fields
 * (two dates, or none; a fee amount with a fee) still let some requests through.
 */
function fittingObject(schema: JsonSchema, context: Context): fc.Arbitrary<Record<string, unknown>> {
  const required = schema.required ?? [];
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const value = fitting(property, { ...context, name: key, depth: context.depth + 1 });
    return fc.tuple(
      fc.constant(key),
      required.includes(key)
        ? value
        : weighted<unknown>([
            [2, fc.constant(absent)],
            [1, value],
          ]),
    );
  });
  return fc
    .tuple(...fields)
    .map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== absent)) as Record<string, unknown>);
}

const absent = Symbol('absent');

/** A value `schema` should refuse, or at least one at its edge. */
function hostile(schema: JsonSchema, context: Context): fc.Arbitrary<unknown> {
  if (schema.enum || schema.const !== undefined) return fc.oneof(fc.constantFrom('autre', 'ADMIN', ''), anyJson());
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => hostile(choice, context)));
  const type = typesOf(schema).find((candidate) => candidate !== 'null');
  switch (type) {
    case 'integer':
      return hostileNumber(schema, true);
    case 'number':
      return hostileNumber(schema, false);
    case 'string':
      return hostileString(schema, context);
    case 'array': {
      const { item } = itemsOf(schema);
      const tooMany = (schema.maxItems ?? 50) + 1;
      return weighted<unknown>([
        [
          tooMany <= 300 ? 1 : 0,
          () => fc.array(item ? fitting(item, context) : anyJson(), { minLength: tooMany, maxLength: tooMany + 5 }),
        ],
        [
          item ? 2 : 0,
          () =>
            fc.array(valueFor(item!, context.scene, context.name, context.depth + 1), { minLength: 1, maxLength: 4 }),
        ],
        [1, anyJson()],
      ]);
    }
    case 'object':
      return fc.oneof(mutatedObject(schema, context), anyJson());
    default:
      return anyJson();
  }
}

/** An object that fits its schema but for one thing: a field hostile, a required field missing, or an unknown field. */
function mutatedObject(schema: JsonSchema, context: Context): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const base = fittingObject(schema, context);
  return weighted<Record<string, unknown>>([
    [
      properties.length ? 6 : 0,
      () =>
        fc.constantFrom(...properties).chain(([key, property]) =>
          fc
            .tuple(base, hostile(property, { ...context, name: key, depth: context.depth + 1 }))
            .map(([value, bad]) => ({
              ...value,
              [key]: bad,
            })),
        ),
    ],
    [
      required.length ? 1 : 0,
      () =>
        fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
          const { [key]: _dropped, ...rest } = value;
          return rest;
        }),
    ],
    [
      1,
      fc
        .tuple(base, fc.constantFrom('isAdmin', 'status', 'organisationId', 'id', 'role', 'x'), anyJson())
        .map(([value, key, extra]) => ({ ...value, [key]: extra })),
    ],
  ]);
}

/** A value for `schema` (the field or parameter `name`): fitting, or fitting but for one hostile part. */
export function valueFor(schema: JsonSchema, scene: Scene, name = '', depth = 0): fc.Arbitrary<unknown> {
  const context = { scene, name, depth };
  if (depth > 4) return fitting(schema, context);
  return weighted([
    [3, fitting(schema, context)],
    [2, hostile(schema, context)],
  ]);
}

/** A value `schema` accepts, at the top of a body. */
export function fittingValueFor(schema: JsonSchema, scene: Scene): fc.Arbitrary<unknown> {
  return fitting(schema, { scene, name: '', depth: 0 });
}

/** An object fitting `schema` (a body, or the parameters of a query on `path`). */
export function fittingObjectFor(
  schema: JsonSchema,
  scene: Scene,
  path: string,
): fc.Arbitrary<Record<string, unknown>> {
  return fittingObject(schema, { scene, name: '', depth: 0, path });
}

/** An object fitting `schema`, `key` set to `value`. */
export function fittingObjectWith(
  schema: JsonSchema,
  scene: Scene,
  path: string,
  key: string,
  value: unknown,
): fc.Arbitrary<Record<string, unknown>> {
  return fittingObjectFor(schema, scene, path).map((object) => ({ ...object, [key]: value }));
}

/**
 * The values at the edges of a field that the boundary sweep tries one by one, the rest of the
 * request fitting: days and instants JSON Schema allows but a database may not, the bounds of a
 * number and amounts finer than a cent, the nil uuid, every alteration of a real cursor.
 */
export function edgesOf(schema: JsonSchema, scene: Scene, name: string, path: string): unknown[] {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return [...new Set(choices.flatMap((choice) => edgesOf(choice, scene, name, path)))];
  const type = typesOf(schema).find((candidate) => candidate !== 'null');
  if (type === 'number' || type === 'integer') return numberEdges(schema, type === 'integer');
  if (type !== 'string') return [];
  if (schema.format?.endsWith('-cursor') || name === 'cursor') return everyAlteredCursor(scene.cursors[path] ?? []);
  if (schema.format === 'date') return edgeDays;
  if (schema.format === 'date-time') return edgeInstants;
  if (schema.format === 'uuid') return ['00000000-0000-0000-0000-000000000000', allIds(scene)[0]!.toUpperCase()];
  return [];
}

/** Query or path parameters as one object schema. */
export function parametersSchema(
  parameters: Array<{ name: string; required: boolean; schema: JsonSchema }>,
): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  };
}

/** The parameters of a query as one object, so that one of them at most is hostile. */
export function parametersFor(
  parameters: Array<{ name: string; required: boolean; schema: JsonSchema }>,
  scene: Scene,
  path: string,
): fc.Arbitrary<Record<string, unknown>> {
  const schema = parametersSchema(parameters);
  const context = { scene, name: '', depth: 0, path };
  return weighted([
    [3, fittingObject(schema, context)],
    [parameters.length ? 2 : 0, () => mutatedObject(schema, context)],
  ]);
}
