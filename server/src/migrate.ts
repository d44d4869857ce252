import type { DatabaseConnection } from './db/client.ts';
import { migrateJobQueue } from './jobs/queue.ts';

/** Brings a database up to date: Mutua's tables (drizzle/), then the job queue's tables and queues. */
export async function migrateDatabase(connection: DatabaseConnection) {
  await connection.migrateTables();
  await migrateJobQueue(connection);
}
