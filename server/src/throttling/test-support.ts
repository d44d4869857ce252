import { randomInt } from 'node:crypto';
import { afterAll } from 'vitest';
import { type App, buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { diskPhotoStorage } from '../photos/storage.ts';
import type { ThrottlingOptions } from './plugin.ts';

export const testSecret = 'test-secret-not-for-production';

const opened: App[] = [];
afterAll(async () => {
  for (const app of opened.splice(0)) await app.close();
});

/**
 * An instance of the API on the test's database with the given limits (default: rules.ts's),
 * whatever the shared test app counts. Closed after the file's tests.
 */
export async function throttledApp(db: Database, photosDir: string, throttling: ThrottlingOptions = {}): Promise<App> {
  const app = await buildApp({
    db,
    photoStorage: diskPhotoStorage(photosDir),
    jwtSecret: testSecret,
    throttling,
  });
  await app.ready();
  opened.push(app);
  return app;
}

/** A client address no other test uses (the counts of a run's database are shared by its test files). */
export function freshAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}
