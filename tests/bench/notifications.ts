// `pnpm bench:notifications`: how long an email takes from the event that causes it to the SMTP
// server, and what an SMTP outage does. Needs a real PostgreSQL in DATABASE_URL (refuses PGlite);
// creates a database of its own there (mutua_bench_notif_…) and drops it at the end.
// 1. Builds the API and BENCH_INSTANCES workers (default 2, each its own pool, as two instances
//    would) in this process, with a local SMTP sink (smtp-server) that notes when each message
//    arrives and its Message-ID.
// 2. Burst: BENCH_EVENTS (1 000) messages posted on loans through the API, 20 at once; each tells
//    the lender by email. Prints the delay from the event's commit to the sink p50/p95/max, and the
//    throughput.
// 3. Outage: the sink closes its port for BENCH_OUTAGE_SECONDS (60) while another burst is posted,
//    then comes back. Prints the same, and checks that every email arrived exactly once.
// Knobs: BENCH_EVENTS, BENCH_INSTANCES, BENCH_OUTAGE_SECONDS, BENCH_CONCURRENCY (20).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/src/app.ts';
import { connectDatabase, type DatabaseConnection, rowsOf } from '../../server/src/db/client.ts';
import { startWorker } from '../../server/src/worker.ts';
import { defaultRetryDelaysSeconds } from '../../server/src/notifications/delivery.ts';
import { smtpTransport } from '../../server/src/notifications/transports.ts';
import { diskPhotoStorage } from '../../server/src/photos/storage.ts';
import { createPostgresDatabase, prepareReferenceData } from '../../server/test/test-database.ts';
import { dayFromToday, lendingScene, makeBooking } from '../../server/test/factories.ts';
import { startSmtpSink } from '../../server/test/mail.ts';
import { migrateDatabase } from '../../server/src/migrate.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error(
    'pnpm bench:notifications measures PostgreSQL: set DATABASE_URL=postgres://… (it creates and drops a database of its own). Nothing was run.',
  );
  process.exit(1);
}
const eventCount = Number(process.env.BENCH_EVENTS ?? 1000);
const instanceCount = Number(process.env.BENCH_INSTANCES ?? 2);
const outageSeconds = Number(process.env.BENCH_OUTAGE_SECONDS ?? 60);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const secret = 'bench-secret';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function burst(
  app: Awaited<ReturnType<typeof buildApp>>,
  headers: Record<string, string>,
  bookingIds: string[],
  count: number,
) {
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const response = await app.inject({
          method: 'POST',
          url: `/api/bookings/${bookingIds[index % bookingIds.length]}/messages`,
          headers,
          payload: { body: `Message ${index}` },
        });
        if (response.statusCode !== 201) throw new Error(`message ${index}: ${response.statusCode} ${response.body}`);
      }
    }),
  );
  return { started, seconds: (Date.now() - started) / 1000 };
}

/** Waits until `expected` emails since `sinceId` are sent (or failed), then reads delays from the event to the sink. */
type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

async function measure(
  connection: DatabaseConnection,
  sink: Sink,
  sinceId: number,
  expected: number,
  label: string,
  deadlineMs: number,
) {
  const until = Date.now() + deadlineMs;
  let rows: Array<{ id: number; messageId: string | null; status: string | null; createdAt: Date }> = [];
  while (Date.now() < until) {
    rows = rowsOf<{ id: string; messageId: string | null; status: string | null; createdAt: string | Date }>(
      await connection.db.execute(
        `select id, message_id as "messageId", status, created_at as "createdAt" from notifications where channel = 'email' and id > ${sinceId}`,
      ),
    ).map((row) => ({ ...row, id: Number(row.id), createdAt: new Date(row.createdAt) }));
    if (rows.length >= expected && rows.every((row) => row.status === 'sent' || row.status === 'failed')) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const delays = rows
    .map((row) => (sink.arrivals.get(row.messageId ?? '')?.[0] ?? NaN) - row.createdAt.getTime())
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const twice = rows.filter((row) => (sink.arrivals.get(row.messageId ?? '')?.length ?? 0) > 1).length;
  const missing = rows.filter((row) => !sink.arrivals.has(row.messageId ?? '')).length;
  const firstEvent = Math.min(...rows.map((row) => row.createdAt.getTime()));
  const lastArrival = Math.max(...rows.map((row) => sink.arrivals.get(row.messageId ?? '')?.[0] ?? 0));
  console.log(
    `${label.padEnd(34)} ${String(rows.length).padStart(5)} emails  delay p50 ${(percentile(delays, 50) / 1000).toFixed(2).padStart(7)} s  p95 ${(percentile(delays, 95) / 1000).toFixed(2).padStart(7)} s  max ${(delays.at(-1)! / 1000).toFixed(2).padStart(7)} s  ` +
      `${(rows.length / ((lastArrival - firstEvent) / 1000)).toFixed(0).padStart(5)} emails/s  missing ${missing}  twice ${twice}`,
  );
  return { missing, twice, count: rows.length };
}

const database = await createPostgresDatabase(adminUrl, 'mutua_bench_notif');
const photosDir = mkdtempSync(join(tmpdir(), 'mutua-bench-photos-'));
const connection = await connectDatabase({ databaseUrl: database.url, poolSize: 20 });
const extraConnections: DatabaseConnection[] = [];
const workers: Array<{ stop(): Promise<void> }> = [];
const sink = await startSmtpSink();
const transport = smtpTransport(sink.url);
let failed = false;
try {
  await migrateDatabase(connection);
  await prepareReferenceData(connection);
  const app = await buildApp({
    db: connection.db,
    photoStorage: diskPhotoStorage(photosDir),
    jwtSecret: secret,
    loginRateLimit: 100_000,
    throttling: { enabled: false },
  });
  await app.ready();
  const scene = await lendingScene(app, connection.db);
  const bookingIds: string[] = [];
  for (let offset = 10; bookingIds.length < 20; offset += 3) {
    bookingIds.push(
      (
        await makeBooking(app, scene.borrower.headers, {
          itemId: scene.item.id,
          startDate: dayFromToday(offset),
          endDate: dayFromToday(offset + 1),
        })
      ).id,
    );
  }
  for (let instance = 0; instance < instanceCount; instance += 1) {
    const instanceConnection =
      instance === 0 ? connection : await connectDatabase({ databaseUrl: database.url, poolSize: 10 });
    if (instance > 0) extraConnections.push(instanceConnection);
    workers.push(
      await startWorker(instanceConnection, {
        delivery: {
          db: instanceConnection.db,
          transport,
          publicUrl: 'http://mutua.bench',
          mailFrom: { name: 'Mutua', address: 'bench@mutua.bench' },
          secret,
          retryDelaysSeconds: defaultRetryDelaysSeconds,
          retryForSeconds: 26 * 3600,
          leaseSeconds: 300,
        },
        log: { info: () => {}, warn: () => {}, error: (object: unknown) => console.error(object) },
        periodicTasks: instance === 0,
      }),
    );
  }
  const lastId = async () =>
    Number(
      rowsOf<{ max: string | null }>(await connection.db.execute('select max(id) as max from notifications'))[0]?.max ??
        0,
    );
  await measure(connection, sink, 0, 20, 'warm-up (the 20 requests)', 30_000);

  console.log(
    `\n▶ ${eventCount} events in a burst, ${instanceCount} instance(s), ${concurrency} at once through the API`,
  );
  const before = await lastId();
  const first = await burst(app, scene.borrower.headers, bookingIds, eventCount);
  console.log(
    `  events written in ${first.seconds.toFixed(1)} s (${(eventCount / first.seconds).toFixed(0)} events/s)`,
  );
  const normal = await measure(connection, sink, before, eventCount, 'burst, SMTP up', 300_000);

  console.log(
    `\n▶ The same burst during a ${outageSeconds} s SMTP outage (retries: ${defaultRetryDelaysSeconds.slice(0, 3).join(' s, ')} s, …)`,
  );
  const beforeOutage = await lastId();
  await sink.stop();
  const outageStarted = Date.now();
  await burst(app, scene.borrower.headers, bookingIds, eventCount);
  const health = await app.inject({ method: 'GET', url: '/api/health' });
  console.log(`  during the outage the API answered /api/health with ${health.statusCode}`);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageSeconds * 1000 - (Date.now() - outageStarted))));
  await sink.start();
  console.log(`  SMTP back after ${((Date.now() - outageStarted) / 1000).toFixed(0)} s`);
  const outage = await measure(
    connection,
    sink,
    beforeOutage,
    eventCount,
    `burst, SMTP down ${outageSeconds} s`,
    600_000,
  );
  await app.close();
  failed =
    normal.missing + normal.twice + outage.missing + outage.twice > 0 ||
    normal.count < eventCount ||
    outage.count < eventCount;
  console.log(failed ? '\n✗ some email was lost or sent twice' : '\n✓ nothing lost, nothing twice');
} finally {
  for (const worker of workers) await worker.stop();
  transport.close();
  await sink.stop().catch(() => {});
  for (const extra of extraConnections) await extra.close();
  await connection.close();
  await database.drop();
  rmSync(photosDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
