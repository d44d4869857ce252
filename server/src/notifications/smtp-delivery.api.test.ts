import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/notifications.ts';
import { users } from '../db/schema/users.ts';
import { dayFromToday, lendingScene, makeBooking, moveBookingTo } from '../../test/factories.ts';
import { startSmtpSink, startTestWorker } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

// The worker takes every email of the database: this file has one of its own.
const t = useTestApp({ ownDatabase: true });
const db = () => t.connection.db;
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function sink() {
  const started = await startSmtpSink();
  stops.push(() => started.stop().catch(() => {}));
  return started;
}

async function worker(url: string, overrides = {}) {
  const started = await startTestWorker(t.connection, url, overrides);
  stops.unshift(() => started.stop());
  return started;
}

/** A header as it came, unparsed (mailparser folds List-* headers into objects). */
function rawHeader(
  mail: { headerLines: ReadonlyArray<{ key: string; line: string }> },
  name: string,
): string | undefined {
  return mail.headerLines
    .find((header) => header.key === name)
    ?.line.slice(name.length + 1)
    .trim();
}

describe('emails through a real SMTP server', () => {
  it('sends the lender the request with a link to it, in French, without a calendar; then the borrower the acceptance with an .ics of the feed’s UID', async () => {
    const smtp = await sink();
    await worker(smtp.url);
    const scene = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
      message: 'Pour la fête <b>du quartier</b>',
    });
    const [request] = await smtp.waitFor(1);
    expect(request!.to).toMatchObject({ value: [{ address: scene.lender.manager.email }] });
    expect(request!.subject).toContain(scene.item.title);
    expect(request!.text).toContain(`http://mutua.test/prets/${booking.id}`);
    expect(request!.html).toContain('Pour la fête &lt;b&gt;du quartier&lt;/b&gt;');
    expect(request!.headers.get('content-language') ?? (request!.html as string).match(/<html lang="(\w+)"/)?.[1]).toBe(
      'fr',
    );
    expect(request!.attachments.filter((attachment) => attachment.contentType.startsWith('text/calendar'))).toEqual([]);
    expect(rawHeader(request!, 'list-unsubscribe')).toMatch(/^<http:\/\/mutua\.test\/api\/unsubscribe\/[\w.-]+>$/);
    expect(rawHeader(request!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    await db().update(users).set({ locale: 'en' }).where(eq(users.id, scene.borrower.manager.id));
    await moveBookingTo(t.app, scene.lender.headers, booking.id, 'accept');
    const [, accepted] = await smtp.waitFor(2);
    expect(accepted!.to).toMatchObject({ value: [{ address: scene.borrower.manager.email }] });
    expect(accepted!.text).toMatch(/accepted/i);
    // Answers to one's own requests are essential: no unsubscribe link.
    expect(rawHeader(accepted!, 'list-unsubscribe')).toBeUndefined();
    const invitation = accepted!.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
    expect(invitation).toBeDefined();
    const ics = invitation!.content.toString();
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:booking-${booking.id}@mutua`);
    expect(ics).toContain('SEQUENCE:1');
    const feed = await t.app.inject({
      method: 'GET',
      url: `/api/bookings/${booking.id}.ics`,
      headers: scene.borrower.headers,
    });
    expect(feed.body).toContain(`UID:booking-${booking.id}@mutua`);
  });

  it('cancels the calendar event when an accepted loan is called off (METHOD:CANCEL, with the MIME method)', async () => {
    const smtp = await sink();
    await worker(smtp.url);
    const scene = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await moveBookingTo(t.app, scene.lender.headers, booking.id, 'accept');
    await moveBookingTo(t.app, scene.lender.headers, booking.id, 'cancel', { reason: 'La tonnelle est cassée' });
    const mails = await smtp.waitFor(3);
    const cancellation = mails.find(
      (mail) =>
        mail.to &&
        JSON.stringify(mail.to).includes(scene.borrower.manager.email) &&
        mail.text?.includes('La tonnelle est cassée'),
    );
    expect(cancellation).toBeDefined();
    const part = cancellation!.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
    expect(part!.content.toString()).toContain('METHOD:CANCEL');
    expect(part!.content.toString()).toContain('SEQUENCE:2');
    expect(
      String(part!.headers.get('content-type') ? JSON.stringify(part!.headers.get('content-type')) : part!.contentType),
    ).toMatch(/method.{0,4}CANCEL/i);
  });

  it('delivers every email exactly once when the server refuses for a while (4xx) then comes back; the app kept answering', async () => {
    const smtp = await sink();
    smtp.state.refuse = { code: 451, at: 'rcpt', message: 'Try again later' };
    await worker(smtp.url);
    const scene = await lendingScene(t.app, db());
    const bookingIds: string[] = [];
    for (const offset of [10, 20, 30])
      bookingIds.push(
        (
          await makeBooking(t.app, scene.borrower.headers, {
            itemId: scene.item.id,
            startDate: dayFromToday(offset),
            endDate: dayFromToday(offset + 1),
          })
        ).id,
      );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received).toHaveLength(0);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const waiting = await db()
      .select({ status: notifications.status, attempts: notifications.attempts })
      .from(notifications)
      .where(eq(notifications.toAddress, scene.lender.manager.email));
    expect(
      waiting.every((row) => row.status === 'retrying' || row.status === 'sending' || row.status === 'queued'),
    ).toBe(true);
    smtp.state.refuse = null;
    const mails = await smtp.waitFor(3, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(mails).toHaveLength(3);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(3);
    for (const id of bookingIds) expect(mails.filter((mail) => mail.text?.includes(id))).toHaveLength(1);
  });

  it('delivers after the server was down (port closed), exactly once', async () => {
    const smtp = await sink();
    await smtp.stop();
    await worker(smtp.url);
    const scene = await lendingScene(t.app, db());
    await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await smtp.start();
    const mails = await smtp.waitFor(1, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(mails).toHaveLength(1);
  });

  it('marks an address refused for good (5xx) undeliverable, fails the email without retrying, and shows the person a warning', async () => {
    const smtp = await sink();
    smtp.state.refuse = { code: 550, at: 'rcpt', message: 'No such user here' };
    await worker(smtp.url);
    const scene = await lendingScene(t.app, db());
    await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    let row: { status: string | null; attempts: number } | undefined;
    for (let tries = 0; tries < 100 && row?.status !== 'failed'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      [row] = await db()
        .select({ status: notifications.status, attempts: notifications.attempts })
        .from(notifications)
        .where(eq(notifications.toAddress, scene.lender.manager.email));
    }
    expect(row).toEqual({ status: 'failed', attempts: 1 });
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: scene.lender.headers })).json();
    expect(me.user.emailUndeliverable).toBe(true);
    // The next email to that address is not even tried.
    await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(20),
      endDate: dayFromToday(21),
    });
    const rows = await db()
      .select({ status: notifications.status, lastError: notifications.lastError })
      .from(notifications)
      .where(eq(notifications.toAddress, scene.lender.manager.email));
    expect(rows).toContainEqual({ status: 'failed', lastError: 'address_undeliverable' });
  });
});
