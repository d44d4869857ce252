import { and, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import type { events } from '../db/schema/events.ts';
import { addDays, daysFrom, parisInstant, parisToday } from '../domain/calendar-days.ts';
import type { NotificationKind } from '../domain/notifications.ts';
import { recordEvent } from '../events/record.ts';

/** Reminders go at this Paris time on the day they fall due (pickup and return the day before, overdue the day after). */
export const reminderClock = '09:00';

type Candidate = {
  id: string;
  revision: number;
  startDate: string | null;
  endDate: string | null;
  expiresAt: Date | null;
  since: Date;
};

/**
 * Records the reminders that fell due by `now` and were not recorded yet, each once (its
 * occurrence key). Run every minute by one instance: a server down over a reminder's time
 * sends it when it is back, while it is still true. Answers how many it recorded.
 */
export async function recordDueReminders(db: Database, now: Date = new Date()): Promise<number> {
  const today = parisToday(now);
  const tomorrow = addDays(today, 1);
  const columns = {
    id: bookings.id,
    revision: bookings.revision,
    startDate: bookings.startDate,
    endDate: bookings.endDate,
    expiresAt: bookings.expiresAt,
    since: bookings.updatedAt,
  };
  const due: Array<{ kind: NotificationKind; booking: Candidate; key: string; params?: Record<string, unknown> }> = [];

  // In this state since before the reminder's time: a loan accepted at noon for tomorrow is not reminded of at once.
  const fellDue = (at: Date, booking: Candidate) => at <= now && booking.since < at;

  // Items picked up tomorrow, and services given tomorrow (their Paris day).
  const firstDay = sql<string>`coalesce(${bookings.startDate}, (${bookings.startsAt} at time zone 'Europe/Paris')::date)::text`;
  const pickups = await db
    .select({ ...columns, firstDay })
    .from(bookings)
    .where(and(eq(bookings.status, 'accepted'), sql`${firstDay}::date between ${today}::date and ${tomorrow}::date`));
  for (const booking of pickups) {
    if (fellDue(parisInstant(addDays(booking.firstDay, -1), reminderClock), booking))
      due.push({ kind: 'reminder.pickup', booking, key: booking.firstDay });
  }
  // A loan picked up the day before its return is still reminded of it: the pickup is no answer to that.
  const returns = await db
    .select(columns)
    .from(bookings)
    .where(and(eq(bookings.status, 'picked_up'), gte(bookings.endDate, today), lte(bookings.endDate, tomorrow)));
  for (const booking of returns) {
    if (parisInstant(addDays(booking.endDate!, -1), reminderClock) <= now)
      due.push({ kind: 'reminder.return', booking, key: `${booking.endDate}` });
  }
  // Overdue: the day after the last day, then every week; after a long downtime only the latest is sent.
  const overdue = await db
    .select(columns)
    .from(bookings)
    .where(and(eq(bookings.status, 'picked_up'), lt(bookings.endDate, today)));
  for (const booking of overdue) {
    const firstDay = addDays(booking.endDate!, 1);
    let week = Math.floor(daysFrom(firstDay, today) / 7);
    if (parisInstant(addDays(firstDay, week * 7), reminderClock) > now) week -= 1;
    if (week < 0) continue;
    const day = addDays(firstDay, week * 7);
    due.push({
      kind: 'reminder.overdue',
      booking,
      key: `${week}`,
      params: { daysLate: daysFrom(booking.endDate!, day) },
    });
  }
  // Unanswered: a day before the request expires, to the lender (answer it) and the borrower (it may lapse).
  const waiting = await db
    .select(columns)
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'requested'),
        isNotNull(bookings.expiresAt),
        lte(bookings.expiresAt, sql`${now.toISOString()}::timestamptz + interval '1 day'`),
        gte(bookings.expiresAt, now),
      ),
    );
  for (const booking of waiting) {
    const at = new Date(booking.expiresAt!.getTime() - 24 * 3600 * 1000);
    if (!fellDue(at, booking)) continue;
    for (const kind of ['reminder.answer_due', 'reminder.request_expiring'] as const) {
      due.push({
        kind,
        booking,
        key: booking.expiresAt!.toISOString(),
        params: { expiresAt: booking.expiresAt!.toISOString() },
      });
    }
  }
  let recorded = 0;
  for (const reminder of due) {
    const id = await db.transaction((tx) =>
      recordEvent(tx, {
        type: reminder.kind,
        bookingId: reminder.booking.id,
        params: { revision: reminder.booking.revision, ...reminder.params },
        occurrenceKey: `${reminder.kind}:${reminder.booking.id}:${reminder.key}`,
      }),
    );
    if (id !== null) recorded += 1;
  }
  return recorded;
}

const reminderStatus: Partial<Record<NotificationKind, string>> = {
  'reminder.pickup': 'accepted',
  'reminder.return': 'picked_up',
  'reminder.overdue': 'picked_up',
  'reminder.answer_due': 'requested',
  'reminder.request_expiring': 'requested',
};

/**
 * Checked again when the email goes: a reminder is sent only if the booking is as it was when it
 * fell due — not cancelled, changed (its revision moved) nor already past that step.
 */
export async function stillDue(
  db: Database,
  kind: NotificationKind,
  event: typeof events.$inferSelect,
): Promise<boolean> {
  const status = reminderStatus[kind];
  if (!status) return true;
  const [booking] = await db
    .select({ status: bookings.status, revision: bookings.revision })
    .from(bookings)
    .where(and(eq(bookings.id, event.bookingId!), inArray(bookings.status, [status as 'accepted'])));
  return Boolean(booking) && booking!.revision === (event.params as { revision?: number }).revision;
}
