import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connectDatabase, type DatabaseConnection } from '../src/db/client.ts';
import { networks } from '../src/db/schema/networks.ts';
import { seedReferenceData } from '../src/db/seed/seed.ts';
import { migrateDatabase } from '../src/migrate.ts';

/**
 * Databases for tests. On PGlite each test file gets its own in-memory database. On a real
 * PostgreSQL (DATABASE_URL) each run creates its own database and drops it at the end; a test
 * that needs an empty database of its own (the seed) gets one more, dropped with it.
 */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createPostgresDatabase(adminUrl: string, prefix = 'mutua_test') {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return {
    url: withDatabaseName(adminUrl, name),
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** Reference data the API needs: territories, communes and a default network to join. */
export async function prepareReferenceData(connection: DatabaseConnection) {
  await seedReferenceData(connection.db);
  await connection.db
    .insert(networks)
    .values({ slug: 'reseau-de-test', name: 'Réseau de test', isDefault: true })
    .onConflictDoNothing();
}

/** A migrated, empty database of this test's own, on the engine under test. */
export async function freshDatabase(): Promise<{
  connection: DatabaseConnection;
  url?: string;
  dispose(): Promise<void>;
}> {
  if (process.env.MUTUA_TEST_ENGINE === 'postgres') {
    const database = await createPostgresDatabase(process.env.DATABASE_URL!, 'mutua_fresh');
    const connection = await connectDatabase({ databaseUrl: database.url, poolSize: 10 });
    await migrateDatabase(connection);
    return {
      connection,
      url: database.url,
      async dispose() {
        await connection.close();
        await database.drop();
      },
    };
  }
  const connection = await connectDatabase({});
  await migrateDatabase(connection);
  return { connection, dispose: () => connection.close() };
}
