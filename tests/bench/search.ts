// `pnpm bench:search`: search under load, beside a bare `SELECT 1` route through the same pool.
// Run `pnpm seed:large` first, with the same DATABASE_URL (a real PostgreSQL is what the targets are for).
// 20 concurrent clients (autocannon) on varied queries with filters; prints p50/p95/p99 and requests/s.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const port = Number(process.env.BENCH_PORT ?? 3990);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const base = `http://127.0.0.1:${port}`;

if (!process.env.DATABASE_URL)
  console.warn('DATABASE_URL is not set: measuring the embedded PGlite (one connection), not PostgreSQL.');

/** Varied searches: words in several forms, filters, distance, sorts, later pages. */
const words = [
  'tonnelle',
  'velos cargos',
  'scie',
  'panneaux exposition',
  'table pliante',
  'sonorisation',
  'remorque',
  'chaises',
  'videoprojecteur',
  'broyeur',
  'vaisselle',
  'perceuse',
];
const queries: string[] = [];
for (const [index, word] of words.entries()) {
  const q = encodeURIComponent(word);
  queries.push(`/api/items?q=${q}`);
  queries.push(`/api/items?q=${q}&territory=${['59', '62', '80', '02', '60'][index % 5]}`);
  queries.push(
    `/api/items?q=${q}&near=${['Lille', 'Arras', 'Amiens', 'Lens', 'Beauvais', 'Valenciennes'][index % 6]}&radius_km=${[10, 25, 50][index % 3]}`,
  );
  queries.push(`/api/items?q=${q}&sort=newest&limit=30`);
}
for (const category of ['evenementiel', 'tonnelles', 'outillage', 'mobilite', 'cuisine-vaisselle', 'jardin']) {
  queries.push(`/api/items?category=${category}`);
  queries.push(`/api/items?category=${category}&near=Lille&radius_km=30&sort=distance`);
}
queries.push('/api/items', '/api/items?territory=59', '/api/items?near=Amiens&radius_km=20');

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the server did not answer /api/health in time');
}

/** Adds a cursor to some queries, as a user paging through results does. */
async function withSecondPages(list: string[]) {
  const pages = [...list];
  for (const query of list.slice(0, 12)) {
    const { nextCursor } = (await (await fetch(base + query)).json()) as { nextCursor: string | null };
    if (nextCursor) pages.push(`${query}&cursor=${nextCursor}`);
  }
  return pages;
}

function load(title: string, paths: string[], clients = connections) {
  let next = 0;
  return autocannon({
    url: base,
    connections: clients,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    title,
  });
}

function row(name: string, result: autocannon.Result) {
  const errors = result.errors + result.non2xx;
  return `${name.padEnd(14)} ${String(result.latency.p50).padStart(7)} ${String(result.latency.p97_5 ? percentile95(result) : '').padStart(7)} ${String(result.latency.p99).padStart(7)} ${result.requests.average.toFixed(0).padStart(9)} ${String(errors).padStart(7)}`;
}

/** autocannon reports p90 and p97.5; p95 is read from its histogram of the same run. */
function percentile95(result: autocannon.Result & { histogram?: { percentile(p: number): number } }) {
  return result.histogram
    ? result.histogram.percentile(95)
    : Math.round((result.latency.p90 + result.latency.p97_5) / 2);
}

const server = spawn('node', ['--import', 'tsx', 'server/src/server.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED: 'none',
    LOG_LEVEL: 'warn',
    DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'mutua-bench-')),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForHealth(Date.now() + 60_000);
  const searchPaths = await withSecondPages(queries);
  console.log(`${searchPaths.length} search URLs, ${connections} connections, ${seconds} s each; warming up…`);
  await load('warm-up', searchPaths.slice(0, 20));
  const search = await load('search', searchPaths);
  const bare = await load('select 1', ['/api/health']);
  const alone = await load('search, 1 client', searchPaths, 1);
  console.log('\nroute              p50 ms  p95 ms  p99 ms     req/s  errors');
  console.log(row('search', search));
  console.log(row('SELECT 1', bare));
  console.log(row('search ×1', alone), ' ← one client: the latency of a query without queueing');
  const ratio = search.requests.average / bare.requests.average;
  console.log(
    `\nsearch throughput / SELECT 1 throughput = ${ratio.toFixed(2)} (target ≥ 0.25); search p95 target ≤ 30 ms`,
  );
} finally {
  server.kill('SIGTERM');
}
