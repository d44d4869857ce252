import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { bookings } from '../src/db/schema/bookings.ts';
import { events } from '../src/db/schema/events.ts';
import { networkRoles } from '../src/db/schema/memberships.ts';
import { notifications } from '../src/db/schema/notifications.ts';
import { reports } from '../src/db/schema/reports.ts';
import { makeUser, signIn } from './factories.ts';

/** A moderator of the network, signed in. */
export async function signedInModerator(app: App, db: Database, networkId: string) {
  const user = await makeUser(db, { name: 'Modération de test' });
  await db.insert(networkRoles).values({ userId: user.id, networkId, role: 'moderator' });
  return { user, headers: await signIn(app, user.email) };
}

/** An open report of a structure, as a member of another structure of the network would make it. */
export async function makeOpenReport(
  db: Database,
  report: { organisationId: string; networkIds: string[]; reporterId: string; text?: string; createdAt?: Date },
) {
  const [row] = await db
    .insert(reports)
    .values({
      targetType: 'organisation',
      targetId: report.organisationId,
      organisationId: report.organisationId,
      networkIds: report.networkIds,
      reporterId: report.reporterId,
      reasonCode: 'misleading',
      text: report.text ?? 'Les horaires annoncés sont faux.',
      ...(report.createdAt ? { createdAt: report.createdAt } : {}),
    })
    .returning({ id: reports.id });
  return row!;
}

/** Makes one email of a booking's notifications fail for good, as the delivery job would after its last attempt. */
export async function failAnEmailOf(db: Database, bookingId: string, createdAt?: Date) {
  const [email] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(and(eq(events.bookingId, bookingId), eq(notifications.channel, 'email')))
    .limit(1);
  await db
    .update(notifications)
    .set({
      status: 'failed',
      lastError: '550 5.1.1 mailbox unavailable',
      attempts: 5,
      claimedUntil: null,
      nextAttemptAt: null,
      ...(createdAt ? { createdAt } : {}),
    })
    .where(eq(notifications.id, email!.id));
  return String(email!.id);
}

/** Moves a loan's days (into the past, for a loan handed over that is now overdue). */
export async function moveLoanDays(db: Database, bookingId: string, firstDay: string, lastDay: string) {
  await db
    .update(bookings)
    .set({ startDate: firstDay, endDate: lastDay, updatedAt: sql`now()` })
    .where(eq(bookings.id, bookingId));
}
