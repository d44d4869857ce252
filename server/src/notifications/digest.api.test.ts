import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/notifications.ts';
import { users } from '../db/schema/users.ts';
import { addDays, parisInstant, parisToday } from '../domain/calendar-days.ts';
import { dayFromToday, lendingScene, makeBooking, makeItem, moveBookingTo } from '../../test/factories.ts';
import { deliverySettings } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';
import { deliverEmail } from './delivery.ts';
import { recordDueDigests } from './digest.ts';
import { recordDueReminders } from './reminders.ts';
import { mailboxTransport, type Transport } from './transports.ts';

// Digests look at every person: this file has a database of its own.
const t = useTestApp({ ownDatabase: true });
const db = () => t.connection.db;
const tomorrowAt = (clock: string) => parisInstant(addDays(parisToday(), 1), clock);

async function lenderOnDigest() {
  const scene = await lendingScene(t.app, db());
  await t.app.inject({
    method: 'PATCH',
    url: '/api/me/notification-preferences',
    headers: scene.lender.headers,
    payload: { preferences: [{ kind: 'booking.requested', email: 'digest' }] },
  });
  return scene;
}

async function digestsOf(userId: string) {
  return db()
    .select()
    .from(notifications)
    .where(eq(notifications.recipientId, userId))
    .then((rows) => rows.filter((row) => row.kind === 'digest'));
}

describe('the daily digest', () => {
  it('gathers the held emails at 8:00 Paris, with new listings nearby, and counts them sent only once it really went', async () => {
    const scene = await lenderOnDigest();
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    const neighbour = await makeItem(db(), {
      organisationId: scene.borrower.organisation.id,
      title: 'Vélo cargo électrique',
    });
    expect(await recordDueDigests(db(), tomorrowAt('07:59'))).toBe(0);
    expect(await recordDueDigests(db(), tomorrowAt('08:00'))).toBe(1);
    expect(await recordDueDigests(db(), tomorrowAt('08:01'))).toBe(0);
    const [digest] = await digestsOf(scene.lender.manager.id);
    expect(await deliverEmail(deliverySettings(t.connection, mailboxTransport), digest!.id)).toBe('sent');
    const [sent] = await db().select().from(notifications).where(eq(notifications.id, digest!.id));
    expect(sent!.textBody).toContain(scene.item.title);
    expect(sent!.textBody).toContain(neighbour.title);
    expect(sent!.textBody).toContain(`/prets/${booking.id}`);
    const held = await db()
      .select({ status: notifications.status })
      .from(notifications)
      .where(eq(notifications.recipientId, scene.lender.manager.id));
    expect(held.every((row) => row.status === null || row.status === 'sent')).toBe(true);
    const [person] = await db()
      .select({ digestSentAt: users.digestSentAt })
      .from(users)
      .where(eq(users.id, scene.lender.manager.id));
    expect(person!.digestSentAt).not.toBeNull();
  });

  it('does not move « last sent » when the digest could not go: it goes on the next attempt', async () => {
    const scene = await lenderOnDigest();
    await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await recordDueDigests(db(), tomorrowAt('08:00'));
    const [digest] = await digestsOf(scene.lender.manager.id);
    const down: Transport = {
      kind: 'smtp',
      send: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })),
      close: () => {},
    };
    expect(await deliverEmail(deliverySettings(t.connection, down, { retryDelaysSeconds: [0] }), digest!.id)).toBe(
      'retrying',
    );
    const [person] = await db()
      .select({ digestSentAt: users.digestSentAt })
      .from(users)
      .where(eq(users.id, scene.lender.manager.id));
    expect(person!.digestSentAt).toBeNull();
    const stillHeld = await db()
      .select({ status: notifications.status })
      .from(notifications)
      .where(eq(notifications.recipientId, scene.lender.manager.id));
    expect(stillHeld.some((row) => row.status === 'held')).toBe(true);
    expect(await deliverEmail(deliverySettings(t.connection, mailboxTransport), digest!.id)).toBe('sent');
  });
});

describe('held emails', () => {
  it('leaves out of the digest a reminder of a loan cancelled since, and skips it', async () => {
    const scene = await lendingScene(t.app, db());
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/notification-preferences',
      headers: scene.borrower.headers,
      payload: { preferences: [{ kind: 'reminder.pickup', email: 'digest' }] },
    });
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await moveBookingTo(t.app, scene.lender.headers, booking.id, 'accept');
    const tomorrow = addDays(parisToday(), 1);
    await db().execute(
      sql`update bookings set start_date = ${tomorrow}, end_date = ${tomorrow}, updated_at = '2020-01-01' where id = ${booking.id}`,
    );
    await db().execute(
      sql`update booking_units set held_from = ${tomorrow}, held_until = (${tomorrow}::date + 1) where line_id in (select id from booking_lines where booking_id = ${booking.id})`,
    );
    await recordDueReminders(db(), parisInstant(parisToday(), '09:01'));
    const held = async () =>
      db()
        .select({ status: notifications.status })
        .from(notifications)
        .where(
          and(
            eq(notifications.recipientId, scene.borrower.manager.id),
            eq(notifications.kind, 'reminder.pickup'),
            eq(notifications.channel, 'email'),
          ),
        );
    expect(await held()).toEqual([{ status: 'held' }]);
    await moveBookingTo(t.app, scene.borrower.headers, booking.id, 'cancel', { reason: 'Plus besoin' });
    await recordDueDigests(db(), tomorrowAt('08:00'));
    const [digest] = await digestsOf(scene.borrower.manager.id);
    await deliverEmail(deliverySettings(t.connection, mailboxTransport), digest!.id);
    expect(await held()).toEqual([{ status: 'skipped' }]);
  });

  it('sends the held emails of a kind at once when the person switches it back to immediate, and drops them when turned off', async () => {
    const scene = await lenderOnDigest();
    await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    const statuses = async () =>
      (
        await db()
          .select({ status: notifications.status })
          .from(notifications)
          .where(eq(notifications.recipientId, scene.lender.manager.id))
      )
        .map((row) => row.status)
        .filter(Boolean);
    expect(await statuses()).toEqual(['held']);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/notification-preferences',
      headers: scene.lender.headers,
      payload: { preferences: [{ kind: 'booking.requested', email: 'immediate' }] },
    });
    expect(await statuses()).toEqual(['queued']);
    const other = await lenderOnDigest();
    await makeBooking(t.app, other.borrower.headers, {
      itemId: other.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/notification-preferences',
      headers: other.lender.headers,
      payload: {
        preferences: [
          { kind: 'booking.requested', email: 'off' },
          { kind: 'booking.requested', email: 'off' },
        ],
      },
    });
    expect(
      (
        await db()
          .select({ status: notifications.status })
          .from(notifications)
          .where(eq(notifications.recipientId, other.lender.manager.id))
      )
        .map((row) => row.status)
        .filter(Boolean),
    ).toEqual(['skipped']);
  });
});
