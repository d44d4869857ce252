import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorShapeProblem } from '../../test/fuzz/error-shape.ts';
import { changedTables, fingerprinter } from '../../test/fuzz/fingerprint.ts';
import { boundariesOf, type FuzzRequest, requestsFor } from '../../test/fuzz/requests.ts';
import { type JsonSchema, type Route, routeName, routeTable } from '../../test/fuzz/route-table.ts';
import { buildScene } from '../../test/fuzz/scene.ts';
import { useTestApp } from '../../test/test-app.ts';

/*
 * Every route of the OpenAPI document, called with requests derived from its own schemas
 * (test/fuzz/arbitraries.ts: fitting, boundary and hostile values, real ids of the scene's rows,
 * real and crafted cursors) by anonymous callers and by signed-in people of the scene
 * (test/fuzz/scene.ts). Whatever comes in: never a 5xx, every refusal is the JSON error shape (each
 * detail `{ path, code, message }`, a dot path: test/fuzz/error-shape.ts), and a refusal leaves no
 * write behind (the database's fingerprint is the same before and after it).
 *
 * Each route gets random calls (fast-check, a fixed seed per route), then a boundary sweep: every
 * edge value of every field in a call that otherwise fits. CI runs the defaults; to dig deeper or
 * reproduce: FUZZ_SEED, FUZZ_RUNS (random calls for a route of six fields), FUZZ_BOUNDARY_RUNS
 * (calls per edge value), FUZZ_ROUTE (a regular expression on `METHOD /path`), FUZZ_TIMEOUT (ms),
 * FUZZ_STATS=1 (statuses per route), FUZZ_VERBOSE=1 (every call).
 */

// Its own database: the fingerprint must see this file's writes only.
const t = useTestApp({ ownDatabase: true });

/** Calls for a route of six fields; one without any gets half, one of eighteen or more three times as many. */
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 20);
const seed = Number(process.env.FUZZ_SEED ?? 20_260_601);
/** Calls per edge value of each field (the rest of each call drawn anew). */
const boundaryRuns = Number(process.env.FUZZ_BOUNDARY_RUNS ?? 2);

/** Routes left out, and why: they take no JSON (their refusals are tested beside them). */
const notFuzzed: Record<string, string> = {
  'POST /api/items/{id}/photos': 'a multipart/form-data upload (photos/photos.api.test.ts)',
  'POST /api/services/{id}/photos': 'a multipart/form-data upload (photos/photos.api.test.ts)',
  'POST /api/items/import': 'a text/csv body (items/import.api.test.ts, fuzz/out-of-range.api.test.ts)',
};

/**
 * 5xx this test found whose fix belongs to a feature's service or queries: skipped, exactly, until
 * fixed. Remove an entry with its fix; the test then guards it.
 */
const knownFailures: Array<{ route: string; finding: string; matches: (request: FuzzRequest) => boolean }> = [];

type Finding = { route: string; problem: string; request: FuzzRequest; status: number; body: string; cause?: string };

/** A route's seed depends on its name only: adding a route does not change what the others get. */
function seedOf(route: Route): number {
  let hash = seed;
  for (const character of routeName(route)) hash = (Math.imul(hash, 31) + character.charCodeAt(0)) | 0;
  return hash;
}

function fieldsOf(schema: JsonSchema | undefined): number {
  if (!schema) return 0;
  const branches = schema.anyOf ?? schema.oneOf ?? [schema];
  return branches.reduce((count, branch) => count + Object.keys(branch.properties ?? {}).length, 0);
}

function runsFor(route: Route): number {
  const fields = route.params.length + route.query.length + fieldsOf(route.body);
  return Math.round(runsPerRoute * Math.min(3, 0.5 + fields / 6));
}

/** Reads first, then writes, deletions last: a deleted row would leave the routes after it fewer real rows to reach. */
const order = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

describe('every JSON route, from its schema', () => {
  it(
    'never answers 5xx, always refuses with the error shape, and a refusal writes nothing',
    async () => {
      const startedAt = Date.now();
      const scene = await buildScene(t.app, t.connection.db);
      const table = routeTable(t.app);
      const unlisted = table.filter((route) => route.otherMediaTypes.length > 0 && !(routeName(route) in notFuzzed));
      expect(unlisted.map(routeName), 'routes that take no JSON are listed in notFuzzed, with why').toEqual([]);
      const gone = Object.keys(notFuzzed).filter((name) => !table.some((route) => routeName(route) === name));
      expect(gone, 'notFuzzed names routes that no longer exist').toEqual([]);
      const routes = table
        .filter((route) => !(routeName(route) in notFuzzed))
        .filter((route) => !process.env.FUZZ_ROUTE || new RegExp(process.env.FUZZ_ROUTE).test(routeName(route)))
        .sort((a, b) => order[a.method] - order[b.method]);

      // logger: false gives every request the app's one null logger: listening on it tells a 5xx's cause.
      let lastError: unknown;
      (t.app.log as unknown as { error: (object: unknown) => void }).error = (object) => {
        lastError = (object as { err?: unknown } | undefined)?.err ?? object;
      };

      const fingerprint = await fingerprinter(t.connection);
      let current = await fingerprint.take();
      const findings: Finding[] = [];
      const seen = new Set<string>();
      const statuses = new Map<string, Map<number, number>>();
      let calls = 0;
      let skipped = 0;

      /** Makes one call and checks what came back; a finding is kept once per route, problem and answer. */
      async function call(route: Route, request: FuzzRequest) {
        const name = routeName(route);
        const headers: Record<string, string> = { ...scene.headers[request.actor] };
        if (request.contentType) headers['content-type'] = request.contentType;
        lastError = undefined;
        const response = await t.app.inject({
          method: request.method,
          url: request.url,
          headers,
          payload: request.payload,
        });
        const before = current;
        current = await fingerprint.take();
        calls += 1;
        if (process.env.FUZZ_VERBOSE)
          console.info(
            `${request.actor} ${request.method} ${request.url} ${request.payload ?? ''}`.slice(0, 400),
            '→',
            response.statusCode,
            response.body.slice(0, 200),
          );
        const byStatus = statuses.get(name) ?? new Map<number, number>();
        statuses.set(name, byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1));
        if (knownFailures.some((failure) => failure.route === name && failure.matches(request))) {
          skipped += 1;
          return;
        }
        const report = (problem: string) => {
          // Several causes may share one answer (« internal_error »): the cause's message tells them apart.
          const key = `${name} ${problem} ${response.body.slice(0, 80)} ${lastError instanceof Error ? lastError.message.slice(0, 80) : ''}`;
          if (seen.has(key)) return;
          seen.add(key);
          const cause =
            lastError instanceof Error
              ? `${lastError.message}\n${lastError.stack?.split('\n').slice(1, 6).join('\n')}`
              : undefined;
          findings.push({ route: name, problem, request, status: response.statusCode, body: response.body, cause });
        };
        if (response.statusCode >= 500) return report('5xx');
        if (response.statusCode < 400) return;
        let body: unknown;
        try {
          body = response.json();
        } catch {
          body = undefined;
        }
        const shapeProblem = errorShapeProblem(body);
        if (!String(response.headers['content-type']).includes('application/json')) report('refusal not in JSON');
        else if (shapeProblem) report(shapeProblem);
        const written = changedTables(before, current);
        if (written.length > 0) report(`refusal wrote to ${written.join(', ')}`);
      }

      for (const route of routes) {
        // Random calls: fitting, fitting but for one hostile part, or not JSON at all.
        await fc.assert(
          fc.asyncProperty(requestsFor(route, scene), (request) => call(route, request)),
          { seed: seedOf(route), numRuns: runsFor(route) },
        );
        // The boundary sweep: each edge value of each field, in calls that otherwise fit.
        for (const [index, boundary] of boundariesOf(route, scene).entries())
          for (const request of fc.sample(boundary.requests, { seed: seedOf(route) + index, numRuns: boundaryRuns }))
            await call(route, request);
      }

      console.info(
        `fuzz (${process.env.MUTUA_TEST_ENGINE}): ${routes.length} routes, ${calls} calls (${skipped} known failures skipped), seed ${seed}, ${Math.round((Date.now() - startedAt) / 1000)} s`,
      );
      if (process.env.FUZZ_STATS)
        for (const [route, byStatus] of statuses)
          console.info(`${route}: ${[...byStatus].map(([status, times]) => `${status}×${times}`).join(' ')}`);
      const readable = findings.map(
        (finding) =>
          `${finding.problem} — ${finding.route} as ${finding.request.actor}: ${finding.request.method} ${finding.request.url.slice(0, 300)}` +
          `${finding.request.payload === undefined ? '' : ` [${finding.request.contentType}] ${finding.request.payload.slice(0, 300)}`}` +
          ` → ${finding.status} ${finding.body.slice(0, 200)}${finding.cause ? `\n    ${finding.cause.replaceAll('\n', '\n    ')}` : ''}`,
      );
      expect(readable).toEqual([]);
    },
    Number(process.env.FUZZ_TIMEOUT ?? 300_000),
  );
});
