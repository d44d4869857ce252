// `pnpm test`: the API and unit tests (vitest: PGlite, plus PostgreSQL when DATABASE_URL is set),
// then the browser journeys (Playwright in Debian's chromium). Prints `N passed, N failed` last.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'mutua-test-'));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) exitCode = 1;
  return result.status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const engines = process.env.DATABASE_URL
  ? 'PGlite et PostgreSQL'
  : 'PGlite (définissez DATABASE_URL pour tester aussi PostgreSQL)';
console.log(`\n▶ Tests unitaires et API — ${engines}`);
const vitestReport = join(reports, 'vitest.json');
run('pnpm', ['exec', 'vitest', 'run'], { VITEST_JSON_OUTPUT: vitestReport });
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitest.numFailedTestSuites > 0 && vitest.numFailedTests === 0 ? 1 : 0);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  totals.failed += 1;
}

if (existsSync(chromium) && process.env.SKIP_E2E !== '1') {
  console.log('\n▶ Parcours dans le navigateur (Playwright, chromium de Debian)');
  const playwrightReport = join(reports, 'playwright.json');
  run('pnpm', ['exec', 'playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  const playwright = readJson(playwrightReport);
  if (playwright) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky;
    totals.failed += playwright.stats.unexpected;
    totals.skipped += playwright.stats.skipped;
  } else {
    totals.failed += 1;
  }
} else if (process.env.CI) {
  console.log(`\n✗ ${chromium} est introuvable : les parcours navigateur ne peuvent pas tourner en CI.`);
  totals.failed += 1;
  exitCode = 1;
} else {
  console.log(
    `\n(parcours navigateur sautés : installez chromium — apt-get install -y chromium — ou indiquez CHROMIUM_PATH)`,
  );
}

rmSync(reports, { recursive: true, force: true });
if (totals.failed > 0) exitCode = 1;
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(exitCode);
