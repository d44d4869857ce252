import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '../db/schema/events.ts';
import { notifications } from '../db/schema/notifications.ts';
import {
  addMember,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeUser,
  moveBookingTo,
  signedInMember,
  signIn,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { unsubscribeToken } from './unsubscribe.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Inbox = {
  notifications: Array<{
    id: string;
    kind: string;
    link: string;
    read: boolean;
    params: Record<string, unknown>;
    about: { title: string | null; organisationName: string | null };
  }>;
  unread: number;
  nextCursor: string | null;
};

async function inbox(headers: Record<string, string>, query = '') {
  const response = await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers });
  expect(response.statusCode).toBe(200);
  return response.json<Inbox>();
}

async function emailsOf(userId: string) {
  return db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), eq(notifications.channel, 'email')));
}

describe('notifications of a loan', () => {
  it('tells every member of the lender of a new request (not the borrower who asked), in the bell and by email', async () => {
    const scene = await lendingScene(t.app, db());
    const colleague = await signedInMember(t.app, db(), scene.lender.organisation.id, 'Sam, collègue du prêteur');
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
      message: 'Pour la fête de quartier',
    });

    for (const headers of [scene.lender.headers, colleague.headers]) {
      const seen = await inbox(headers);
      expect(seen.unread).toBe(1);
      expect(seen.notifications[0]).toMatchObject({
        kind: 'booking.requested',
        link: `/prets/${booking.id}`,
        read: false,
        about: { title: scene.item.title, organisationName: scene.borrower.organisation.name },
      });
    }
    expect((await inbox(scene.borrower.headers)).notifications).toEqual([]);
    const lenderEmails = await emailsOf(scene.lender.manager.id);
    expect(lenderEmails).toHaveLength(1);
    expect(lenderEmails[0]).toMatchObject({
      kind: 'booking.requested',
      status: 'queued',
      toAddress: scene.lender.manager.email,
      locale: 'fr',
    });
    expect(await emailsOf(scene.borrower.manager.id)).toEqual([]);
  });

  it('tells the borrower of the answer, and the lender of a cancellation, never the one who acted', async () => {
    const scene = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await moveBookingTo(t.app, scene.lender.headers, booking.id, 'accept', { message: 'Avec plaisir !' });
    expect((await inbox(scene.borrower.headers)).notifications.map((n) => n.kind)).toEqual(['booking.accepted']);
    await moveBookingTo(t.app, scene.borrower.headers, booking.id, 'cancel', { reason: 'La fête est reportée' });
    expect((await inbox(scene.lender.headers)).notifications.map((n) => n.kind)).toEqual([
      'booking.cancelled',
      'booking.requested',
    ]);
    expect((await inbox(scene.borrower.headers)).notifications.map((n) => n.kind)).toEqual(['booking.accepted']);
    const [cancelled] = await db()
      .select()
      .from(events)
      .where(and(eq(events.bookingId, booking.id), eq(events.type, 'booking.cancelled')));
    // Codes and parameters, not sentences; what the person typed stays on the booking, as typed.
    expect(cancelled!.params).toEqual({ party: 'borrower', fromStatus: 'accepted', revision: 2 });
  });

  it('writes a competitor declined by the platform as a code, phrased by each reader', async () => {
    const scene = await lendingScene(t.app, db(), { quantity: 1 });
    const other = await lendingScene(t.app, db());
    const first = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    const second = await makeBooking(t.app, other.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(11),
      endDate: dayFromToday(13),
    });
    await moveBookingTo(t.app, scene.lender.headers, first.id, 'accept');
    const told = (await inbox(other.borrower.headers)).notifications[0]!;
    expect(told).toMatchObject({ kind: 'booking.declined', params: { party: 'system', reasonCode: 'dates_taken' } });
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/bookings/${second.id}`, headers: other.borrower.headers })
    ).json();
    expect(detail).toMatchObject({ status: 'declined', answer: null, declineCode: 'dates_taken' });
  });

  it('tells the other side of a message only', async () => {
    const scene = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/messages`,
      headers: scene.borrower.headers,
      payload: { body: 'Bonjour, à quelle heure ?' },
    });
    expect((await inbox(scene.lender.headers)).notifications.map((n) => n.kind)).toEqual([
      'booking.message',
      'booking.requested',
    ]);
    expect((await inbox(scene.borrower.headers)).notifications).toEqual([]);
  });

  it('writes nothing when the change is refused: no event, no notification', async () => {
    const scene = await lendingScene(t.app, db());
    const before = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, scene.lender.manager.id));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: scene.borrower.headers,
      payload: { itemId: scene.item.id, startDate: dayFromToday(-3), endDate: dayFromToday(-1) },
    });
    expect(refused.statusCode).toBe(400);
    expect(
      await db().select().from(notifications).where(eq(notifications.recipientId, scene.lender.manager.id)),
    ).toEqual(before);
  });
});

describe('the bell', () => {
  it('marks one or all read, and never someone else’s', async () => {
    const scene = await lendingScene(t.app, db());
    for (const offset of [10, 20, 30])
      await makeBooking(t.app, scene.borrower.headers, {
        itemId: scene.item.id,
        startDate: dayFromToday(offset),
        endDate: dayFromToday(offset + 1),
      });
    const seen = await inbox(scene.lender.headers);
    expect(seen.unread).toBe(3);
    const stranger = await inbox(scene.borrower.headers);
    expect(stranger.unread).toBe(0);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${seen.notifications[0]!.id}/read`,
      headers: scene.borrower.headers,
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/notifications/${seen.notifications[0]!.id}/read`,
          headers: scene.lender.headers,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notifications/unread', headers: scene.lender.headers })).json(),
    ).toEqual({ unread: 2 });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: scene.lender.headers }))
        .statusCode,
    ).toBe(204);
    expect((await inbox(scene.lender.headers)).notifications.every((n) => n.read)).toBe(true);
  });

  it('pages newest first with a cursor, and refuses a forged one', async () => {
    const scene = await lendingScene(t.app, db());
    for (const offset of [10, 20, 30])
      await makeBooking(t.app, scene.borrower.headers, {
        itemId: scene.item.id,
        startDate: dayFromToday(offset),
        endDate: dayFromToday(offset + 1),
      });
    const first = await inbox(scene.lender.headers, '?limit=2');
    expect(first.notifications).toHaveLength(2);
    const second = await inbox(scene.lender.headers, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.notifications).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify(['drop table'])).toString('base64url');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/notifications?cursor=${forged}`, headers: scene.lender.headers }))
        .statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('preferences', () => {
  it('lists every kind; essential ones cannot be changed and unknown kinds are refused', async () => {
    const scene = await lendingScene(t.app, db());
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/me/notification-preferences', headers: scene.lender.headers })
    ).json();
    expect(listed.preferences).toContainEqual({ kind: 'booking.accepted', essential: true, email: 'immediate' });
    expect(listed.preferences).toContainEqual({ kind: 'booking.requested', essential: false, email: 'immediate' });
    for (const kind of ['booking.accepted', 'booking.unknown', 'account.password_reset']) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/me/notification-preferences',
        headers: scene.lender.headers,
        payload: { preferences: [{ kind, email: 'off' }] },
      });
      expect(response.statusCode, kind).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_failed' });
    }
  });

  it('sends nothing for a kind turned off, holds a digest kind, and still shows both in the bell', async () => {
    const scene = await lendingScene(t.app, db());
    const colleague = await makeUser(db(), { name: 'Lou' });
    await addMember(db(), colleague.id, scene.lender.organisation.id, 'member');
    const colleagueHeaders = await signIn(t.app, colleague.email);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/notification-preferences',
      headers: scene.lender.headers,
      payload: { preferences: [{ kind: 'booking.requested', email: 'off' }] },
    });
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/notification-preferences',
      headers: colleagueHeaders,
      payload: { preferences: [{ kind: 'booking.requested', email: 'digest' }] },
    });
    await makeBooking(t.app, scene.borrower.headers, {
      itemId: scene.item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(12),
    });
    expect(await emailsOf(scene.lender.manager.id)).toEqual([]);
    expect((await emailsOf(colleague.id)).map((email) => email.status)).toEqual(['held']);
    expect((await inbox(scene.lender.headers)).unread).toBe(1);
    expect((await inbox(colleagueHeaders)).unread).toBe(1);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('turns a kind off without signing in, from a form POST as mail clients send it; GET only describes', async () => {
    const scene = await lendingScene(t.app, db());
    const token = unsubscribeToken('test-secret-not-for-production', scene.lender.manager.id, 'booking.message');
    const described = await t.app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` });
    expect(described.json()).toEqual({ kind: 'booking.message' });
    const before = (
      await t.app.inject({ method: 'GET', url: '/api/me/notification-preferences', headers: scene.lender.headers })
    ).json();
    expect(before.preferences).toContainEqual({ kind: 'booking.message', essential: false, email: 'immediate' });
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/me/notification-preferences', headers: scene.lender.headers })
    ).json();
    expect(after.preferences).toContainEqual({ kind: 'booking.message', essential: false, email: 'off' });
    // Twice is still a success.
    expect((await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token}` })).statusCode).toBe(200);
  });

  it('refuses a forged token and a token for an essential kind', async () => {
    const scene = await lendingScene(t.app, db());
    const essential = unsubscribeToken('test-secret-not-for-production', scene.lender.manager.id, 'booking.accepted');
    const forged = unsubscribeToken('another-secret', scene.lender.manager.id, 'booking.message');
    for (const token of [essential, forged]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/unsubscribe/${token}` });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'link_invalid' });
    }
  });
});
