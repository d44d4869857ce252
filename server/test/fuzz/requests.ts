import fc from 'fast-check';
import {
  edgesOf,
  fittingObjectFor,
  fittingObjectWith,
  fittingValueFor,
  hostileStrings,
  parametersFor,
  parametersSchema,
  valueFor,
  weighted,
} from './arbitraries.ts';
import type { Parameter, Route } from './route-table.ts';
import type { Actor, IdPools, Scene } from './scene.ts';

/** One generated call: everything `app.inject` needs, readable in a report. */
export type FuzzRequest = {
  actor: Actor;
  method: Route['method'];
  url: string;
  contentType?: string;
  payload?: string;
};

/** A route that would end the session the rest of the run signs in with: called anonymously only. */
const endsSessions = (route: Route) => /\/logout$|\/sessions\b/.test(route.path);

const actors: Array<[number, Actor]> = [
  [4, 'lender'],
  [2, 'borrower'],
  [2, 'member'],
  [2, 'admin'],
  [2, 'anonymous'],
  [1, 'pending'],
];

/** The pool of real ids a path parameter most likely names, from the path segment before it. */
const poolBySegment: Record<string, keyof IdPools> = {
  items: 'items',
  services: 'services',
  needs: 'needs',
  bookings: 'bookings',
  organisations: 'organisations',
  members: 'users',
  'blocked-periods': 'periods',
  invitations: 'invitations',
  groups: 'groups',
  notifications: 'notifications',
  emails: 'emails',
};

function realValuesFor(route: Route, parameter: Parameter, scene: Scene): string[] {
  const segments = route.path.split('/');
  const at = segments.findIndex((segment) => segment.startsWith(`{${parameter.name}}`));
  const segment = segments[at - 1] ?? '';
  if (parameter.name === 'token') return segment === 'calendar' ? scene.tokens : [];
  const pool = poolBySegment[segment];
  return pool ? scene.ids[pool] : [];
}

/** Percent-encoding that does not throw on a lone surrogate (it becomes bytes no UTF-8 decoder accepts). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function pathValue(route: Route, parameter: Parameter, scene: Scene): fc.Arbitrary<string> {
  const real = realValuesFor(route, parameter, scene);
  return weighted<string>([
    [real.length ? 12 : 0, () => fc.constantFrom(...real).map(encode)],
    [4, valueFor(parameter.schema, scene, parameter.name).map((value) => encode(asText(value)))],
    [1, fc.constantFrom(...hostileStrings.filter(Boolean), 'x'.repeat(150), '..').map(encode)],
    // Sent as they are: escapes the router must refuse on its own.
    [1, fc.constantFrom('%', '%ZZ', '%00', '%E0%A4%A', '%2F', '%2e%2e')],
  ]);
}

function toQueryString(values: Record<string, unknown>, more?: string): string {
  const parts = Object.entries(values).flatMap(([name, value]) =>
    (Array.isArray(value) && value.length < 5 ? value : [value]).map((item) => `${name}=${encode(asText(item))}`),
  );
  const query = [...parts, more].filter((part): part is string => part !== undefined).join('&');
  return query ? `?${query}` : '';
}

function queryString(route: Route, scene: Scene): fc.Arbitrary<string> {
  const extra = weighted<string | undefined>([
    [12, fc.constant(undefined)],
    [1, fc.constantFrom('utm=1', 'limit=1&limit=2', 'cursor', '__proto__[x]=1', 'a%00=1', '%=1')],
  ]);
  return fc
    .tuple(parametersFor(route.query, scene, route.path), extra)
    .map(([values, more]) => toQueryString(values, more));
}

const rawJsonBodies = [
  '',
  '{',
  'null',
  '[]',
  '"texte"',
  '42',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":"${'é'.repeat(200_000)}"}`,
];

type Body = { contentType?: string; payload?: string };

function bodyFor(route: Route, scene: Scene): fc.Arbitrary<Body> {
  if (route.method === 'GET') return fc.constant({});
  if (!route.body)
    return weighted<Body>([
      [8, fc.constant({})],
      [1, fc.constant({ contentType: 'application/json', payload: '{}' })],
      [1, fc.constantFrom(...rawJsonBodies).map((payload) => ({ contentType: 'application/json', payload }))],
      [1, fc.constant({ contentType: 'text/plain', payload: 'bonjour' })],
    ]);
  const value = valueFor(route.body, scene, '');
  return weighted<Body>([
    [24, value.map((body) => ({ contentType: 'application/json', payload: JSON.stringify(body) }))],
    [1, fc.constantFrom(...rawJsonBodies).map((payload) => ({ contentType: 'application/json', payload }))],
    [
      1,
      fc
        .tuple(
          value,
          fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
        )
        .map(([body, contentType]) => ({ contentType, payload: JSON.stringify(body) })),
    ],
    [1, fc.constant({})],
  ]);
}

function actorFor(route: Route): fc.Arbitrary<Actor> {
  return endsSessions(route)
    ? fc.constant<Actor>('anonymous')
    : weighted(actors.map(([weight, name]) => [weight, fc.constant(name)]));
}

type Parts = { params: fc.Arbitrary<string[]>; query: fc.Arbitrary<string>; body: fc.Arbitrary<Body> };

function assemble(route: Route, parts: Parts): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(actorFor(route), parts.params, parts.query, parts.body).map(([actor, values, query, body]) => {
    let path = route.path;
    route.params.forEach((parameter, index) => {
      path = path.replace(`{${parameter.name}}`, values[index] || '-');
    });
    return { actor, method: route.method, url: `${path}${query}`, ...body };
  });
}

/** Calls of one route: its parameters, query and body derived from its schemas, by any of the scene's actors. */
export function requestsFor(route: Route, scene: Scene): fc.Arbitrary<FuzzRequest> {
  return assemble(route, {
    params: fc.tuple(...route.params.map((parameter) => pathValue(route, parameter, scene))),
    query: queryString(route, scene),
    body: bodyFor(route, scene),
  });
}

/** One field of a route set to one of its edge values (arbitraries.ts, edgesOf), the rest of the call fitting. */
export type Boundary = { field: string; value: unknown; requests: fc.Arbitrary<FuzzRequest> };

/**
 * The boundary sweep: every edge value of every parameter and body field of a route, each in a
 * call that otherwise fits its schemas (real ids in the path), so that none is left to chance.
 */
export function boundariesOf(route: Route, scene: Scene): Boundary[] {
  const fittingParams = fc.tuple(
    ...route.params.map((parameter) => {
      const real = realValuesFor(route, parameter, scene);
      return real.length ? fc.constantFrom(...real) : pathValue(route, parameter, scene);
    }),
  );
  const querySchema = parametersSchema(route.query);
  const fittingQuery = fittingObjectFor(querySchema, scene, route.path).map((values) => toQueryString(values));
  const asJson = (value: unknown): Body => ({ contentType: 'application/json', payload: JSON.stringify(value) });
  const fittingBody =
    route.method === 'GET' || !route.body ? fc.constant<Body>({}) : fittingValueFor(route.body, scene).map(asJson);
  const boundaries: Boundary[] = [];

  route.params.forEach((parameter, index) => {
    for (const value of edgesOf(parameter.schema, scene, parameter.name, route.path)) {
      const params = fittingParams.map((values) =>
        values.map((text, at) => (at === index ? encode(asText(value)) : text)),
      );
      boundaries.push({
        field: parameter.name,
        value,
        requests: assemble(route, { params, query: fittingQuery, body: fittingBody }),
      });
    }
  });
  for (const parameter of route.query) {
    for (const value of edgesOf(parameter.schema, scene, parameter.name, route.path)) {
      const query = fittingObjectWith(querySchema, scene, route.path, parameter.name, value).map((values) =>
        toQueryString(values),
      );
      boundaries.push({
        field: parameter.name,
        value,
        requests: assemble(route, { params: fittingParams, query, body: fittingBody }),
      });
    }
  }
  if (route.body && route.method !== 'GET') {
    for (const branch of route.body.anyOf ?? route.body.oneOf ?? [route.body]) {
      for (const [key, property] of Object.entries(branch.properties ?? {})) {
        for (const value of edgesOf(property, scene, key, route.path)) {
          const body = fittingObjectWith(branch, scene, route.path, key, value).map(asJson);
          boundaries.push({
            field: key,
            value,
            requests: assemble(route, { params: fittingParams, query: fittingQuery, body }),
          });
        }
      }
    }
  }
  return boundaries;
}
