import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '../db/client.ts';
import { notifications } from '../db/schema/notifications.ts';
import { enqueueInTransaction, queues } from '../jobs/queue.ts';
import { dayFromToday, lendingScene, makeBooking, signedInMember } from '../../test/factories.ts';
import { startSmtpSink, startTestWorker } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

// The workers take every email of the database: this file has one of its own.
const t = useTestApp({ ownDatabase: true });
let second: DatabaseConnection | undefined;
afterAll(async () => second?.close());

describe('several instances on one database', () => {
  it('never send the same notification twice, even when each email’s job is queued three times', async () => {
    const smtp = await startSmtpSink();
    // A second instance: its own pool on PostgreSQL (the embedded database has one owner: the same connection).
    second = t.databaseUrl ? await connectDatabase({ databaseUrl: t.databaseUrl, poolSize: 5 }) : undefined;
    const workers = [
      await startTestWorker(t.connection, smtp.url),
      await startTestWorker(second ?? t.connection, smtp.url),
    ];
    try {
      const scene = await lendingScene(t.app, t.connection.db);
      for (let member = 0; member < 4; member += 1)
        await signedInMember(t.app, t.connection.db, scene.lender.organisation.id, `Membre ${member}`);
      for (let offset = 10; offset < 70; offset += 6) {
        await makeBooking(t.app, scene.borrower.headers, {
          itemId: scene.item.id,
          startDate: dayFromToday(offset),
          endDate: dayFromToday(offset + 1),
        });
      }
      const emails = await t.connection.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(sql`${notifications.channel} = 'email'`);
      expect(emails).toHaveLength(50);
      // Duplicate wake-ups, as a sweep, a retry or an expired job would make them.
      await t.connection.db.transaction((tx) =>
        enqueueInTransaction(
          tx,
          emails.flatMap(({ id }) =>
            [id, id].map((notificationId) => ({ name: queues.deliverEmail, data: { notificationId } })),
          ),
        ),
      );
      await smtp.waitFor(50, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(smtp.received).toHaveLength(50);
      expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(50);
      const statuses = await t.connection.db
        .select({ status: notifications.status, count: sql<number>`count(*)::int` })
        .from(notifications)
        .where(sql`${notifications.channel} = 'email'`)
        .groupBy(notifications.status);
      expect(statuses).toEqual([{ status: 'sent', count: 50 }]);
    } finally {
      for (const worker of workers) await worker.stop();
      await smtp.stop();
    }
  });
});
