// `pnpm bench:uploads`: the server's memory while it resizes eight 59-megapixel PNG photos at once.
// 1. Makes an 8860×6660 PNG (59 MP) noisy enough to weigh about 9 MB (a flat one would weigh a few
//    kB), under the 10 MB upload limit.
// 2. Starts the server as a child process, as the other benchmarks do (embedded PGlite in a throwaway
//    DATA_DIR; with DATABASE_URL, a throwaway database on that server, dropped at the end), with
//    the demo data, and signs in as the demo lender.
// 3. Sends one small photo (so sharp and libvips are loaded), waits, reads the baseline RSS, then
//    sends BENCH_UPLOADS (8) big photos at once over HTTP, each to one of the lender's items.
//    Reads the server's VmRSS in /proc/<pid>/status every 50 ms meanwhile, and VmHWM (the
//    kernel's own peak) at the end. Prints baseline, peak and the durations. Target: peak < 500 MB
//    on PostgreSQL (PGlite's database lives in the server process and is counted with it).
// Knobs: BENCH_UPLOADS (8), BENCH_PORT (3993).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Sharp from '../../server/node_modules/sharp/lib/index.js';
import { createPostgresDatabase } from '../../server/test/test-database.ts';

// sharp is the server's dependency: load it from there, as the server does.
const sharp = createRequire(new URL('../../server/package.json', import.meta.url))('sharp') as typeof Sharp;

const uploads = Number(process.env.BENCH_UPLOADS ?? 8);
const port = Number(process.env.BENCH_PORT ?? 3993);
const base = `http://127.0.0.1:${port}`;
const targetMb = 500;
const width = 8860;
const height = 6660;

/** Runs of 24 pixels of a random shade over two gradients: about 9 MB of PNG for 59 MP. */
async function noisyPng() {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 42;
  let shade = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x % 24 === 0) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        shade = seed >>> 24;
      }
      const index = (y * width + x) * 3;
      raw[index] = shade;
      raw[index + 1] = (x * 255) / width;
      raw[index + 2] = (y * 255) / height;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** The server's resident memory now and at its peak so far, in MB. */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024, file: kb('RssFile') / 1024 };
}

async function waitForHealth(server: ChildProcess, deadline: number) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit code ${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the server did not answer /api/health in time');
}

async function upload(token: string, itemId: string, png: Buffer) {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'grande.png');
  form.append('alt', 'Une très grande photo');
  const started = performance.now();
  const response = await fetch(`${base}/api/items/${itemId}/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let started = performance.now();
const png = await noisyPng();
console.log(
  `${width}×${height} PNG (${((width * height) / 1e6).toFixed(1)} MP): ${(png.length / 1024 / 1024).toFixed(1)} MB, made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const small = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a7' } })
  .png()
  .toBuffer();

const dataDir = mkdtempSync(join(tmpdir(), 'mutua-bench-uploads-'));
const database = process.env.DATABASE_URL
  ? await createPostgresDatabase(process.env.DATABASE_URL, 'mutua_bench_uploads')
  : undefined;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  SEED: 'demo',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
};
if (database) env.DATABASE_URL = database.url;
else delete env.DATABASE_URL;
const server = spawn('node', ['--import', 'tsx', 'server/src/server.ts'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
let failed = false;
try {
  await waitForHealth(server, Date.now() + 120_000);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'preteur@demo.mutua.fr', password: process.env.DEMO_PASSWORD || 'demo-mutua' }),
  });
  const me = (await login.json()) as { token: string; memberships: Array<{ organisation: { id: string } }> };
  const organisationId = me.memberships[0]!.organisation.id;
  const listed = (await (await fetch(`${base}/api/items?organisation=${organisationId}&limit=50`)).json()) as {
    items: Array<{ id: string }>;
  };
  const itemIds = listed.items.map((item) => item.id);
  if (itemIds.length === 0) throw new Error('the demo lender has no item to add photos to');

  const warmUp = await upload(me.token, itemIds[0]!, small);
  if (warmUp.status !== 201) throw new Error(`warm-up upload: ${warmUp.status} ${warmUp.body}`);
  await sleep(2000);
  const { rss: baseline, hwm: peakBefore, file: baselineFile } = memoryOf(server.pid!);

  let peak = baseline;
  let peakFile = 0;
  const sampler = setInterval(() => {
    const now = memoryOf(server.pid!);
    if (now.rss > peak) ({ rss: peak, file: peakFile } = now);
  }, 50);
  started = performance.now();
  const results = await Promise.all(
    Array.from({ length: uploads }, (_, index) => upload(me.token, itemIds[index % itemIds.length]!, png)),
  );
  const wall = performance.now() - started;
  await sleep(2000);
  clearInterval(sampler);
  const after = memoryOf(server.pid!);

  const durations = results.map((result) => result.ms).sort((a, b) => a - b);
  const statuses = results.map((result) => result.status);
  console.log(`\n${uploads} uploads at once on ${database ? 'PostgreSQL' : 'PGlite'}: statuses ${statuses.join(' ')}`);
  for (const result of results.filter((result) => result.status !== 201)) console.log(`  ${result.body}`);
  console.log(
    `durations: first ${(durations[0]! / 1000).toFixed(1)} s, median ${(durations[Math.floor(durations.length / 2)]! / 1000).toFixed(1)} s, last ${(durations.at(-1)! / 1000).toFixed(1)} s (all done in ${(wall / 1000).toFixed(1)} s)`,
  );
  console.log(
    `server RSS: baseline ${baseline.toFixed(0)} MB (files mapped ${baselineFile.toFixed(0)} MB), peak ${peak.toFixed(0)} MB (of which files mapped ${peakFile.toFixed(0)} MB; sampled every 50 ms; VmHWM ${peakBefore.toFixed(0)} → ${after.hwm.toFixed(0)} MB), 2 s after ${after.rss.toFixed(0)} MB`,
  );
  // VmHWM also holds the start (migrations, seed): it counts only when it rose during the uploads.
  const peakMb = after.hwm > peakBefore ? Math.max(peak, after.hwm) : peak;
  console.log(`target: peak < ${targetMb} MB — ${peakMb < targetMb ? 'met' : 'NOT met'}`);
  if (!database)
    console.log(
      '(PGlite runs inside the server process: its baseline holds the database too. The target is for PostgreSQL.)',
    );
  failed = statuses.some((status) => status !== 201);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
