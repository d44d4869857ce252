import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { notifications } from '../db/schema/notifications.ts';
import { dayFromToday, lendingScene, makeBooking, makeService, moveBookingTo } from '../../test/factories.ts';
import { deliverySettings } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';
import { deliverEmail } from './delivery.ts';
import { recordEvent } from '../events/record.ts';
import { recordDueReminders } from './reminders.ts';
import { mailboxTransport } from './transports.ts';

// Reminders look at every booking: this file has a database of its own.
const t = useTestApp({ ownDatabase: true });
const db = () => t.connection.db;

/** An accepted loan, then moved (in the database) to the days the test needs; in this state since long before. */
async function acceptedLoan(startDate: string, endDate: string, status: 'accepted' | 'picked_up' = 'accepted') {
  const scene = await lendingScene(t.app, db());
  const booking = await makeBooking(t.app, scene.borrower.headers, {
    itemId: scene.item.id,
    startDate: dayFromToday(10),
    endDate: dayFromToday(11),
  });
  await moveBookingTo(t.app, scene.lender.headers, booking.id, 'accept');
  if (status === 'picked_up')
    await db().execute(sql`update bookings set status = 'picked_up' where id = ${booking.id}`);
  await db().execute(
    sql`update bookings set start_date = ${startDate}, end_date = ${endDate}, updated_at = '2020-01-01' where id = ${booking.id}`,
  );
  await db().execute(
    sql`update booking_units set held_from = ${startDate}, held_until = (${endDate}::date + 1) where line_id in (select id from booking_lines where booking_id = ${booking.id})`,
  );
  return { scene, booking };
}

async function remindersOf(bookingId: string) {
  const rows = await db()
    .select({ type: events.type, params: events.params })
    .from(events)
    .where(and(eq(events.bookingId, bookingId), sql`${events.type} like 'reminder.%'`));
  return rows;
}

describe('reminders by the clock (Europe/Paris)', () => {
  it('reminds of a pickup the day before at 9:00 Paris, across the switch to summer time (last Sunday of March)', async () => {
    const { booking } = await acceptedLoan('2027-03-29', '2027-03-31');
    // Sunday 28 March 2027, Paris is UTC+2 from 02:00: 9:00 there is 07:00 UTC.
    await recordDueReminders(db(), new Date('2027-03-28T06:59:00Z'));
    expect(await remindersOf(booking.id)).toEqual([]);
    await recordDueReminders(db(), new Date('2027-03-28T07:00:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.type)).toEqual(['reminder.pickup']);
    // Every minute sees it again: recorded once.
    await recordDueReminders(db(), new Date('2027-03-28T07:01:00Z'));
    expect(await remindersOf(booking.id)).toHaveLength(1);
  });

  it('reminds of a return the day before its last day, across the switch to winter time (last Sunday of October)', async () => {
    const { booking } = await acceptedLoan('2027-10-25', '2027-11-01', 'picked_up');
    // Sunday 31 October 2027, Paris is UTC+1 from 03:00: 9:00 there is 08:00 UTC.
    await recordDueReminders(db(), new Date('2027-10-31T07:59:00Z'));
    expect(await remindersOf(booking.id)).toEqual([]);
    await recordDueReminders(db(), new Date('2027-10-31T08:00:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.type)).toEqual(['reminder.return']);
  });

  it('sends a reminder that fell due while the server was stopped when it comes back, still that day', async () => {
    const { booking, scene } = await acceptedLoan('2027-06-15', '2027-06-16');
    // Down from 8:00 to 17:30 Paris on the day before.
    await recordDueReminders(db(), new Date('2027-06-14T06:00:00Z'));
    expect(await remindersOf(booking.id)).toEqual([]);
    await recordDueReminders(db(), new Date('2027-06-14T15:30:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.type)).toEqual(['reminder.pickup']);
    const emails = await db()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'reminder.pickup'),
          eq(notifications.channel, 'email'),
          sql`${notifications.eventId} in (select id from events where booking_id = ${booking.id})`,
        ),
      );
    expect(emails.map((email) => email.toAddress).sort()).toEqual(
      [scene.borrower.manager.email, scene.lender.manager.email].sort(),
    );
  });

  it('does not send the reminder of a loan cancelled after it fell due', async () => {
    const { booking, scene } = await acceptedLoan('2027-07-15', '2027-07-16');
    await recordDueReminders(db(), new Date('2027-07-14T08:00:00Z'));
    await moveBookingTo(t.app, scene.borrower.headers, booking.id, 'cancel', { reason: 'Plus besoin' });
    const queued = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'reminder.pickup'), eq(notifications.toAddress, scene.borrower.manager.email)));
    expect(queued).toHaveLength(1);
    expect(await deliverEmail(deliverySettings(t.connection, mailboxTransport), queued[0]!.id)).toBe('skipped');
    const [after] = await db()
      .select({ status: notifications.status })
      .from(notifications)
      .where(eq(notifications.id, queued[0]!.id));
    expect(after!.status).toBe('skipped');
  });

  it('does not remind of a loan accepted after the reminder’s time (the acceptance said it all)', async () => {
    const { booking } = await acceptedLoan('2027-08-15', '2027-08-16');
    await db()
      .update(bookings)
      .set({ updatedAt: new Date('2027-08-14T10:00:00Z') })
      .where(eq(bookings.id, booking.id));
    await recordDueReminders(db(), new Date('2027-08-14T12:00:00Z'));
    expect(await remindersOf(booking.id)).toEqual([]);
  });

  it('reminds of the return of a loan picked up after the reminder’s time (the day before its last day)', async () => {
    const { booking } = await acceptedLoan('2027-05-10', '2027-05-11', 'picked_up');
    await db()
      .update(bookings)
      .set({ updatedAt: new Date('2027-05-10T08:00:00Z') })
      .where(eq(bookings.id, booking.id));
    await recordDueReminders(db(), new Date('2027-05-10T08:05:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.type)).toEqual(['reminder.return']);
  });

  it('reminds of a service the day before it is given', async () => {
    const scene = await lendingScene(t.app, db());
    const service = await makeService(db(), { organisationId: scene.lender.organisation.id });
    const [row] = await db()
      .insert(bookings)
      .values({
        kind: 'service',
        serviceId: service.id,
        lenderOrganisationId: scene.lender.organisation.id,
        borrowerOrganisationId: scene.borrower.organisation.id,
        status: 'accepted',
        startsAt: new Date('2027-06-02T07:30:00Z'),
        endsAt: new Date('2027-06-02T09:00:00Z'),
        updatedAt: new Date('2020-01-01'),
      })
      .returning({ id: bookings.id });
    await recordDueReminders(db(), new Date('2027-06-01T06:59:00Z'));
    expect(await remindersOf(row!.id)).toEqual([]);
    await recordDueReminders(db(), new Date('2027-06-01T07:00:00Z'));
    expect((await remindersOf(row!.id)).map((reminder) => reminder.type)).toEqual(['reminder.pickup']);
  });

  it('tells of an overdue loan the day after its last day, then every week, and once only after a long downtime', async () => {
    const { booking } = await acceptedLoan('2027-09-01', '2027-09-03', 'picked_up');
    await recordDueReminders(db(), new Date('2027-09-04T06:59:00Z'));
    expect(await remindersOf(booking.id)).toEqual([]);
    await recordDueReminders(db(), new Date('2027-09-04T07:00:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.params.daysLate)).toEqual([1]);
    await recordDueReminders(db(), new Date('2027-09-10T12:00:00Z'));
    expect(await remindersOf(booking.id)).toHaveLength(1);
    await recordDueReminders(db(), new Date('2027-09-11T07:00:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.params.daysLate)).toEqual([1, 8]);
    // Down for three weeks: one reminder, the latest.
    await recordDueReminders(db(), new Date('2027-10-03T12:00:00Z'));
    expect((await remindersOf(booking.id)).map((row) => row.params.daysLate)).toEqual([1, 8, 29]);
  });

  it('reminds the lender of an unanswered request a day before it expires, and the borrower that it may lapse', async () => {
    const scene = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(20),
      endDate: dayFromToday(21),
    });
    const [row] = await db()
      .select({ expiresAt: bookings.expiresAt })
      .from(bookings)
      .where(eq(bookings.id, booking.id));
    const expiresAt = row!.expiresAt!.getTime();
    await recordDueReminders(db(), new Date(expiresAt - 25 * 3600 * 1000));
    expect(await remindersOf(booking.id)).toEqual([]);
    await recordDueReminders(db(), new Date(expiresAt - 23 * 3600 * 1000));
    expect((await remindersOf(booking.id)).map((reminder) => reminder.type).sort()).toEqual([
      'reminder.answer_due',
      'reminder.request_expiring',
    ]);
    const told = await db()
      .select({ kind: notifications.kind, to: notifications.toAddress })
      .from(notifications)
      .where(
        and(
          eq(notifications.channel, 'email'),
          sql`${notifications.kind} like 'reminder.%'`,
          sql`${notifications.eventId} in (select id from events where booking_id = ${booking.id})`,
        ),
      );
    expect(told).toContainEqual({ kind: 'reminder.answer_due', to: scene.lender.manager.email });
    expect(told).toContainEqual({ kind: 'reminder.request_expiring', to: scene.borrower.manager.email });
  });
});

describe('an email that cannot be written', () => {
  it('fails for good at once (for the admins to see) instead of being tried every lease forever', async () => {
    const scene = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(20),
      endDate: dayFromToday(21),
    });
    const [row] = await db().select({ revision: bookings.revision }).from(bookings).where(eq(bookings.id, booking.id));
    await db().transaction((tx) =>
      recordEvent(tx, {
        type: 'reminder.answer_due',
        bookingId: booking.id,
        params: { revision: row!.revision, expiresAt: 'pas une date' },
      }),
    );
    const [email] = await db()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'reminder.answer_due'), eq(notifications.toAddress, scene.lender.manager.email)),
      );
    expect(await deliverEmail(deliverySettings(t.connection, mailboxTransport), email!.id)).toBe('failed');
    const [after] = await db()
      .select({ status: notifications.status, lastError: notifications.lastError })
      .from(notifications)
      .where(eq(notifications.id, email!.id));
    expect(after).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^could_not_render/) });
  });
});
