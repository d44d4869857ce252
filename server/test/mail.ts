import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DatabaseConnection } from '../src/db/client.ts';
import { notifications } from '../src/db/schema/notifications.ts';
import { startWorker } from '../src/worker.ts';
import { deliverEmail, type DeliverySettings } from '../src/notifications/delivery.ts';
import { mailboxTransport, smtpTransport, type Transport } from '../src/notifications/transports.ts';

/**
 * A real SMTP server for a test: it parses what arrives (mailparser). `refuse` makes it answer
 * RCPT TO or DATA with the given code meanwhile (a 4xx: try later; a 5xx: refused for good).
 */
export async function startSmtpSink(options: { port?: number } = {}) {
  const received: ParsedMail[] = [];
  /** When each message arrived, by Message-ID (several times if it came twice). */
  const arrivals = new Map<string, number[]>();
  const state: { refuse: null | { code: number; at: 'rcpt' | 'data'; message: string } } = { refuse: null };
  const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse?.at === 'rcpt') return callback(refusal(state.refuse.code, state.refuse.message));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refuse?.at === 'data') return callback(refusal(state.refuse.code, state.refuse.message));
        const arrivedAt = Date.now();
        // Accepted as soon as it is all here, as a relay does; read afterwards.
        callback();
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail);
          const id = mail.messageId ?? 'none';
          arrivals.set(id, [...(arrivals.get(id) ?? []), arrivedAt]);
        });
      });
    },
  };
  let server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    arrivals,
    state,
    /** Closes the port: the sink is down until `start()`. */
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      server = new SMTPServer(serverOptions);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async waitFor(count: number, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      return received;
    },
  };
}

export const testPublicUrl = 'http://mutua.test';

export function deliverySettings(
  connection: DatabaseConnection,
  transport: Transport,
  overrides: Partial<DeliverySettings> = {},
): DeliverySettings {
  return {
    db: connection.db,
    transport,
    publicUrl: testPublicUrl,
    mailFrom: { name: 'Mutua', address: 'ne-pas-repondre@mutua.test' },
    secret: 'test-secret-not-for-production',
    retryDelaysSeconds: [1],
    retryForSeconds: 3600,
    leaseSeconds: 30,
    ...overrides,
  };
}

/** This instance's worker on the test database, sending through SMTP to `url`. */
export async function startTestWorker(
  connection: DatabaseConnection,
  url: string,
  overrides: Partial<DeliverySettings> = {},
) {
  const transport = smtpTransport(url);
  const worker = await startWorker(connection, {
    delivery: deliverySettings(connection, transport, overrides),
    log: { info: () => {}, warn: () => {}, error: () => {} },
    pollingSeconds: 0.5,
    periodicTasks: false,
  });
  return {
    async stop() {
      await worker.stop();
      transport.close();
    },
  };
}

/** Sends the emails waiting for one address, now, into the local mailbox (no worker): what the tests then read. */
export async function sendQueuedToMailbox(connection: DatabaseConnection, address: string) {
  const rows = await connection.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.toAddress, address), inArray(notifications.status, ['queued', 'retrying'])));
  for (const { id } of rows) await deliverEmail(deliverySettings(connection, mailboxTransport), id);
}

/** The emails one address received in the local mailbox, oldest first. */
export async function mailboxOf(connection: DatabaseConnection, address: string) {
  await sendQueuedToMailbox(connection, address);
  return connection.db
    .select({
      kind: notifications.kind,
      subject: notifications.subject,
      text: notifications.textBody,
      html: notifications.htmlBody,
      status: notifications.status,
      locale: notifications.locale,
    })
    .from(notifications)
    .where(and(eq(notifications.channel, 'email'), eq(notifications.toAddress, address)))
    .orderBy(asc(notifications.id));
}

/** The token of the first link to `path` (`/mot-de-passe`) in an email's text. */
export function tokenIn(text: string | null, path: string): string {
  const match = new RegExp(`${testPublicUrl}${path}/([A-Za-z0-9_.-]+)`).exec(text ?? '');
  if (!match) throw new Error(`no link to ${path} in: ${text}`);
  return match[1]!;
}
