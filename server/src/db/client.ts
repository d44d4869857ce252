import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** The one type the features see, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseConnection = {
  db: Database;
  engine: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  /**
   * Runs `task` while holding a database-wide lock, so that several instances starting at once
   * migrate and seed one after the other. PGlite has a single owner, so it just runs the task.
   */
  exclusively<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

// An arbitrary constant: the key of the advisory lock taken while migrating and seeding.
const startupLockKey = 7_206_854_301;

export type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  /** dataDir: a folder on disk, or undefined for an in-memory database (tests). */
  | { databaseUrl?: undefined; dataDir?: string };

const migrationsFolder = new URL('../../../drizzle', import.meta.url).pathname;

export async function connectDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connection: { TimeZone: 'UTC', application_name: 'mutua' },
    });
    const db = drizzlePostgres(sql) as unknown as Database;
    return {
      db,
      engine: 'postgres',
      migrate: () => migratePostgres(drizzlePostgres(sql), { migrationsFolder }),
      async exclusively(task) {
        const lockHolder = await sql.reserve();
        try {
          await lockHolder`select pg_advisory_lock(${startupLockKey})`;
          return await task();
        } finally {
          await lockHolder`select pg_advisory_unlock(${startupLockKey})`;
          lockHolder.release();
        }
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { btree_gist, unaccent } });
  await client.exec(`SET TIME ZONE 'UTC'`);
  const pgliteDb = drizzlePglite(client);
  return {
    db: pgliteDb as unknown as Database,
    engine: 'pglite',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    exclusively: (task) => task(),
    close: () => client.close(),
  };
}

/** The rows of `db.execute(...)`: postgres-js answers an array, PGlite an object with `rows`. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
