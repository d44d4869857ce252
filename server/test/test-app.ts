import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { connectDatabase, type DatabaseConnection } from '../src/db/client.ts';
import { diskPhotoStorage } from '../src/photos/storage.ts';
import { prepareReferenceData } from './test-database.ts';

export type TestContext = { app: App; connection: DatabaseConnection; photosDir: string };

/**
 * The API on the engine under test (MUTUA_TEST_ENGINE), built once per test file.
 * Tests isolate their data by making their own networks, structures and people (factories).
 */
export function useTestApp(options: { loginRateLimit?: number } = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    if (process.env.MUTUA_TEST_ENGINE === 'postgres') {
      context.connection = await connectDatabase({ databaseUrl: inject('postgresTestUrl'), poolSize: 60 });
    } else {
      context.connection = await connectDatabase({});
      await context.connection.migrate();
      await prepareReferenceData(context.connection);
    }
    context.photosDir = await mkdtemp(join(tmpdir(), 'mutua-photos-'));
    context.app = await buildApp({
      db: context.connection.db,
      photoStorage: diskPhotoStorage(context.photosDir),
      jwtSecret: 'test-secret-not-for-production',
      loginRateLimit: options.loginRateLimit ?? 10_000,
    });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.connection?.close();
    if (context.photosDir) await rm(context.photosDir, { recursive: true, force: true });
  });
  return context;
}
