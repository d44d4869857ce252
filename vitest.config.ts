import { defineConfig } from 'vitest/config';

// Tests run outside Paris on purpose: code that forgets Europe/Paris fails loudly.
process.env.TZ = 'America/Sao_Paulo';

const apiTests = ['server/src/**/*.api.test.ts'];
const realPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    reporters: process.env.VITEST_JSON_OUTPUT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_OUTPUT ? { json: process.env.VITEST_JSON_OUTPUT } : undefined,
    projects: [
      { test: { name: 'unit', include: ['server/src/**/*.test.ts'], exclude: apiTests } },
      { test: { name: 'app-unit', include: ['app/src/**/*.test.ts'] } },
      { test: { name: 'emails', include: ['emails/src/**/*.test.ts'] } },
      {
        test: {
          name: 'api-pglite',
          include: apiTests,
          env: { MUTUA_TEST_ENGINE: 'pglite' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      ...(realPostgres
        ? [
            {
              test: {
                name: 'api-postgres',
                include: apiTests,
                env: { MUTUA_TEST_ENGINE: 'postgres' },
                globalSetup: ['server/test/postgres-global-setup.ts'],
                testTimeout: 20_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
