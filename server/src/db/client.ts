import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
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
  /** Mutua's own migrations (drizzle/); `migrateDatabase` (src/migrate.ts) adds the job queue's. */
  migrateTables(): Promise<void>;
  /**
   * Runs `task` while holding a database-wide lock, so that several instances starting at once
   * migrate and seed one after the other. PGlite has a single owner, so it just runs the task.
   */
  exclusively<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Raw SQL with `$1…` parameters, for the job queue (pg-boss's `db` option); without values it
   * may hold several statements (pg-boss's own migrations).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
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
    const connection: DatabaseConnection = {
      db,
      engine: 'postgres',
      async migrateTables() {
        await migratePostgres(drizzlePostgres(sql), { migrationsFolder });
      },
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
      async executeSql(text, values) {
        if (values?.length)
          return { rows: [...(await sql.unsafe(text, values.map(asParameter) as postgres.ParameterOrJSON<never>[]))] };
        // Several statements, maybe with their own BEGIN/COMMIT: on one connection of their own.
        const connection = await sql.reserve();
        try {
          return { rows: [...(await connection.unsafe(text))] };
        } finally {
          connection.release();
        }
      },
      close: () => sql.end({ timeout: 5 }),
    };
    return connection;
  }
  const dataDir = 'dataDir' in options ? options.dataDir : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm, unaccent } });
  await client.exec(`SET TIME ZONE 'UTC'`);
  const pgliteDb = drizzlePglite(client);
  const connection: DatabaseConnection = {
    db: pgliteDb as unknown as Database,
    engine: 'pglite',
    async migrateTables() {
      await migratePglite(pgliteDb, { migrationsFolder });
    },
    exclusively: (task) => task(),
    async executeSql(text, values) {
      if (values?.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: () => client.close(),
  };
  return connection;
}

/** As node-postgres sends them (pg-boss is written for it): undefined as null, plain objects as JSON text. */
function asParameter(value: unknown): unknown {
  if (value === undefined) return null;
  const plainObject =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !Buffer.isBuffer(value);
  return plainObject ? JSON.stringify(value) : value;
}

/** The rows of `db.execute(...)`: postgres-js answers an array, PGlite an object with `rows`. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
