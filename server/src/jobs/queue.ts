import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Database, DatabaseConnection } from '../db/client.ts';

/**
 * The job queue: pg-boss 10 on the same PostgreSQL (or PGlite) as the data, through the
 * connection's own driver. Jobs are only wake-ups: what must happen is in our tables (an email
 * notification and its status), so a job run twice, lost or expired changes nothing — the
 * handlers claim their row first, and a sweep every minute re-wakes anything due.
 */
export const queues = {
  /** Send one email notification: { notificationId }. */
  deliverEmail: 'deliver-email',
  /** Periodic tasks, one run per tick whatever the number of instances. */
  expireRequests: 'expire-requests',
  /** Declines the waiting requests of suspended structures, within a minute of the suspension. */
  sweepSuspendedRequests: 'sweep-suspended-requests',
  sendReminders: 'send-reminders',
  sweepOutbox: 'sweep-outbox',
  sendDigests: 'send-digests',
  purgeThrottles: 'purge-throttles',
  /** Erases the accounts whose deletion grace period is over (privacy/erasure.ts). */
  eraseAccounts: 'erase-accounts',
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

const schema = 'pgboss';

/** pg-boss on this connection, without its own pool. Not started: `start()` it to work. */
export function jobQueueOn(
  connection: Pick<DatabaseConnection, 'executeSql'>,
  options: Partial<PgBoss.ConstructorOptions> = {},
) {
  return new PgBoss({
    db: { executeSql: (text, values) => connection.executeSql(text, values) },
    schema,
    ...options,
  } as PgBoss.ConstructorOptions);
}

/**
 * Creates pg-boss's tables and Mutua's queues. Runs at start under the startup lock (and in the
 * tests' migration): several processes calling createQueue at once race (pg-boss #467), one at a
 * time they do not.
 */
export async function migrateJobQueue(connection: Pick<DatabaseConnection, 'executeSql'>) {
  const boss = jobQueueOn(connection, { supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const name of Object.values(queues)) {
      if (!(await boss.getQueue(name)))
        await boss.createQueue(name, { name, policy: 'standard', retryLimit: 3, retryDelay: 30, retryBackoff: true });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

// Builds pg-boss's insert; never started, it only lends its SQL to a transaction.
const jobBuilder = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('not connected')) },
  schema,
  supervise: false,
  schedule: false,
  migrate: false,
});

/**
 * Queues jobs inside the caller's transaction: they exist exactly when the change that needs
 * them commits (the transactional outbox).
 */
export async function enqueueInTransaction(
  tx: Database,
  jobs: Array<{ name: QueueName; data: object; startAfter?: Date }>,
) {
  if (jobs.length === 0) return;
  await jobBuilder.insert(
    jobs.map((job) => ({ name: job.name, data: job.data, startAfter: job.startAfter })),
    { db: { executeSql: async (text, values) => ({ rows: rowsOf(await tx.execute(withParameters(text, values))) }) } },
  );
}

// As db/client.ts's rowsOf, which this module cannot import (the client migrates the queue).
const rowsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);

/** `select $1, $2` and its values as a drizzle query, so it runs on whatever engine `tx` is. */
function withParameters(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) =>
    chunks.push(index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`),
  );
  return sql.join(chunks);
}
