import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type App, buildApp } from '../src/app.ts';
import { connectDatabase, type DatabaseConnection } from '../src/db/client.ts';
import { diskPhotoStorage } from '../src/photos/storage.ts';
import type { ThrottlingOptions } from '../src/throttling/plugin.ts';
import { freshDatabase, prepareReferenceData } from './test-database.ts';
import { migrateDatabase } from '../src/migrate.ts';

export type TestContext = {
  app: App;
  connection: DatabaseConnection;
  photosDir: string;
  /** PostgreSQL: the database's address, for a second instance. */ databaseUrl?: string;
};

/**
 * The API on the engine under test (MUTUA_TEST_ENGINE), built once per test file.
 * Tests isolate their data by making their own networks, structures and people (factories).
 */
export function useTestApp(
  options: { loginRateLimit?: number; ownDatabase?: boolean; throttling?: ThrottlingOptions } = {},
): TestContext {
  const context = {} as TestContext;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (options.ownDatabase) {
      // Clock-driven tasks sweep every booking: they get a database no other test file writes to.
      const database = await freshDatabase();
      context.connection = database.connection;
      context.databaseUrl = database.url;
      dispose = database.dispose;
      await prepareReferenceData(context.connection);
    } else if (process.env.MUTUA_TEST_ENGINE === 'postgres') {
      context.connection = await connectDatabase({ databaseUrl: inject('postgresTestUrl'), poolSize: 60 });
    } else {
      context.connection = await connectDatabase({});
      await migrateDatabase(context.connection);
      await prepareReferenceData(context.connection);
    }
    context.photosDir = await mkdtemp(join(tmpdir(), 'mutua-photos-'));
    context.app = await buildApp({
      db: context.connection.db,
      photoStorage: diskPhotoStorage(context.photosDir),
      jwtSecret: 'test-secret-not-for-production',
      loginRateLimit: options.loginRateLimit ?? 10_000,
      // The limits per account and per address have tests of their own (server/src/throttling/).
      throttling: options.throttling ?? { enabled: false },
    });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    if (dispose) await dispose();
    else await context.connection?.close();
    if (context.photosDir) await rm(context.photosDir, { recursive: true, force: true });
  });
  return context;
}
