// `pnpm start`: builds the web app when it is missing or older than its sources, then runs the
// server (TypeScript, through tsx) in this same process: migrate, seed, serve API + app on PORT.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = join(root, 'app/build');
const stampFile = join(buildDir, '.source-hash');

/** Everything the app build depends on: its sources, the shared domain code, the lockfile. */
const sources = [
  'app/src',
  'app/static',
  'app/svelte.config.js',
  'app/vite.config.ts',
  'app/package.json',
  'server/src/domain',
  'server/src/web/bridge.ts',
  'pnpm-lock.yaml',
];

function listFiles(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sources.flatMap((source) => listFiles(join(root, source)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (current !== wanted || !existsSync(join(buildDir, 'handler.js'))) {
  console.log('Construction de l’application web…');
  const started = Date.now();
  const build = spawnSync('pnpm', ['--filter', '@mutua/app', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stampFile, wanted);
  console.log(`Application construite en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/server.ts');
