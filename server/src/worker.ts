import type { FastifyBaseLogger } from 'fastify';
import { sweepRequestsOfSuspended } from './bookings/suspension.ts';
import { expireRequests } from './bookings/transitions.ts';
import type { DatabaseConnection } from './db/client.ts';
import { type DeliverySettings, deliverEmail } from './notifications/delivery.ts';
import { selectStrandedEmails } from './notifications/delivery-queries.ts';
import { recordDueDigests } from './notifications/digest.ts';
import { recordDueReminders } from './notifications/reminders.ts';
import { deleteExpiredThrottles } from './throttling/cleanup.ts';
import { eraseDueAccounts } from './privacy/erasure.ts';
import { enqueueInTransaction, jobQueueOn, queues } from './jobs/queue.ts';

export type WorkerOptions = {
  delivery: DeliverySettings;
  log: Pick<FastifyBaseLogger, 'info' | 'error' | 'warn'>;
  /** How often each instance looks for emails to send (seconds, at least 0.5). */
  pollingSeconds?: number;
  /** How many emails one instance sends at once. */
  concurrency?: number;
  /** Tests drive the clock-driven tasks themselves. */
  periodicTasks?: boolean;
};

type Periodic = { name: (typeof queues)[keyof typeof queues]; run: () => Promise<number>; what: string };

/**
 * Starts this instance's part of the queue: sending emails, and the periodic tasks. pg-boss's
 * scheduler creates one job per minute for each task whatever the number of instances (its
 * cron lock), and each task is idempotent anyway: expiry is a compare-and-set, reminders have
 * occurrence keys, the sweep only wakes emails that their claim protects, a suspended structure's
 * requests are declined by a compare-and-set.
 */
export async function startWorker(connection: Pick<DatabaseConnection, 'executeSql' | 'db'>, options: WorkerOptions) {
  const { db } = connection;
  const boss = jobQueueOn(connection, { supervise: true, schedule: options.periodicTasks !== false });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  await boss.start();

  const concurrency = options.concurrency ?? 10;
  // Two fetch loops: one sends its batch while the other fetches the next.
  for (let loop = 0; loop < 2; loop += 1) {
    await boss.work<{ notificationId: number }>(
      queues.deliverEmail,
      { batchSize: concurrency, pollingIntervalSeconds: options.pollingSeconds ?? 0.5 },
      async (jobs) => {
        await Promise.all(
          jobs.map(async (job) => {
            const outcome = await deliverEmail(options.delivery, job.data.notificationId);
            if (outcome === 'failed')
              options.log.warn({ notificationId: job.data.notificationId }, 'email failed for good');
          }),
        );
      },
    );
  }

  if (options.periodicTasks !== false) {
    const periodic: Periodic[] = [
      { name: queues.expireRequests, run: () => expireRequests(db), what: 'booking requests expired' },
      {
        name: queues.sweepSuspendedRequests,
        run: () => sweepRequestsOfSuspended(db),
        what: 'waiting requests of suspended structures declined',
      },
      { name: queues.sendReminders, run: () => recordDueReminders(db), what: 'reminders recorded' },
      {
        name: queues.sweepOutbox,
        run: () => sweepOutbox(connection, options.delivery.leaseSeconds),
        what: 'stranded emails woken',
      },
      { name: queues.sendDigests, run: () => recordDueDigests(db), what: 'daily digests recorded' },
      { name: queues.purgeThrottles, run: () => deleteExpiredThrottles(db), what: 'expired throttle counts deleted' },
      {
        name: queues.eraseAccounts,
        run: () => eraseDueAccounts(db, options.log),
        what: 'accounts erased after their grace period',
      },
    ];
    for (const task of periodic) {
      await boss.schedule(task.name, '* * * * *', {}, { tz: 'Europe/Paris' });
      await boss.work(task.name, { pollingIntervalSeconds: 5 }, async () => {
        const count = await task.run();
        if (count > 0) options.log.info({ count }, task.what);
      });
    }
  }
  return {
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/**
 * Wakes the emails that are due but that no job carries any more. An email waits a whole lease
 * before it counts as stranded, so that a backlog's jobs that simply have not run yet are not queued again.
 */
export async function sweepOutbox(
  connection: Pick<DatabaseConnection, 'db'>,
  olderThanSeconds: number,
): Promise<number> {
  const ids = await selectStrandedEmails(connection.db, olderThanSeconds, 500);
  if (ids.length === 0) return 0;
  await connection.db.transaction((tx) =>
    enqueueInTransaction(
      tx,
      ids.map((notificationId) => ({ name: queues.deliverEmail, data: { notificationId } })),
    ),
  );
  return ids.length;
}
