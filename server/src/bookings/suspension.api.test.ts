import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookingEvents, bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { notifications } from '../db/schema/notifications.ts';
import { organisations } from '../db/schema/organisations.ts';
import {
  type BookingDetail,
  dayFromToday,
  makeBooking,
  makeItem,
  moveBookingTo,
  signedInMember,
  signedInStructure,
  uniqueSuffix,
} from '../../test/factories.ts';
import { mailboxOf } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';
import { declineRequestsOfSuspended, sweepRequestsOfSuspended } from './suspension.ts';

// The sweep declines the requests of every suspended structure: a database no other test file writes to.
const t = useTestApp({ ownDatabase: true });
const db = () => t.connection.db;

/** A structure with its manager and a plain member, both signed in, and one item to lend. */
async function structure(role: string) {
  const made = await signedInStructure(t.app, db(), {
    name: `${role} ${uniqueSuffix()}`,
    managerName: `Gestion ${role}`,
  });
  const member = await signedInMember(t.app, db(), made.organisation.id, `Bénévole ${role}`);
  const item = await makeItem(db(), {
    title: `Tonnelle de ${role}`,
    organisationId: made.organisation.id,
    quantity: 3,
  });
  return { ...made, member, item, people: [made.manager, member.user] };
}

type Structure = Awaited<ReturnType<typeof structure>>;

function ask(borrower: Structure, lender: Structure, fromDay = 10) {
  return makeBooking(t.app, borrower.headers, {
    itemId: lender.item.id,
    startDate: dayFromToday(fromDay),
    endDate: dayFromToday(fromDay + 1),
  });
}

async function suspend(organisation: { id: string }) {
  await db().update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, organisation.id));
}

async function seen(headers: Record<string, string>, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/bookings/${id}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BookingDetail & { events: Array<{ reasonCode: string | null }> }>();
}

/** Who was told of the decline of a booking, on which channel: `userId:channel`, sorted. */
async function toldOfDecline(bookingId: string) {
  const rows = await db()
    .select({ recipientId: notifications.recipientId, channel: notifications.channel })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(and(eq(events.bookingId, bookingId), eq(events.type, 'booking.declined')));
  return rows.map((row) => `${row.recipientId}:${row.channel}`).sort();
}

const onBothChannels = (...people: Array<{ id: string }>) =>
  people.flatMap((person) => [`${person.id}:email`, `${person.id}:in_app`]).sort();

async function statusOf(id: string) {
  const [row] = await db()
    .select({ status: bookings.status, declineCode: bookings.declineCode })
    .from(bookings)
    .where(eq(bookings.id, id));
  return row!;
}

async function traces(bookingIds: string[]) {
  const [steps] = await db()
    .select({ count: count() })
    .from(bookingEvents)
    .where(inArray(bookingEvents.bookingId, bookingIds));
  const [told] = await db()
    .select({ count: count() })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(inArray(events.bookingId, bookingIds));
  return { steps: steps!.count, notifications: told!.count };
}

describe('a structure suspended while it asks', () => {
  it('has its waiting requests declined by the sweep, both lenders and itself told, its accepted loan kept', async () => {
    const borrower = await structure('Emprunteur');
    const [first, second] = [await structure('Prêteur A'), await structure('Prêteur B')];
    const bystander = await structure('Voisin');
    const toFirst = await ask(borrower, first);
    const toSecond = await ask(borrower, second);
    const accepted = await ask(borrower, first, 20);
    await moveBookingTo(t.app, first.headers, accepted.id, 'accept');
    const active = await ask(bystander, first);

    await suspend(borrower.organisation);
    expect(await sweepRequestsOfSuspended(db())).toBe(2);

    for (const [booking, lender] of [
      [toFirst, first],
      [toSecond, second],
    ] as const) {
      const detail = await seen(lender.headers, booking.id);
      expect(detail).toMatchObject({ status: 'declined', declineCode: 'borrower_suspended', answer: null });
      expect(detail.viewer.actions).toEqual([]);
      expect(detail.events.at(-1)).toMatchObject({
        action: 'decline',
        fromStatus: 'requested',
        toStatus: 'declined',
        party: 'system',
        actor: null,
        reasonCode: 'borrower_suspended',
      });
      // Nobody answered it: the lender's people and the borrower's all hear of it, in the bell and by email.
      expect(await toldOfDecline(booking.id)).toEqual(onBothChannels(...lender.people, ...borrower.people));
    }
    expect(await statusOf(accepted.id)).toEqual({ status: 'accepted', declineCode: null });
    expect(await statusOf(active.id)).toEqual({ status: 'requested', declineCode: null });
    expect(await toldOfDecline(accepted.id)).toEqual([]);

    const bell = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: second.member.headers });
    expect(bell.json().notifications[0]).toMatchObject({
      kind: 'booking.declined',
      link: `/prets/${toSecond.id}`,
      params: { party: 'system', reasonCode: 'borrower_suspended' },
      about: { organisationName: borrower.organisation.name },
    });
    const [toLender] = (await mailboxOf(t.connection, second.manager.email)).filter(
      (mail) => mail.kind === 'booking.declined',
    );
    expect(toLender!.text).toContain(
      `La structure qui vous a fait cette demande, ${borrower.organisation.name}, n’est plus active sur Mutua\u202f: sa demande est close.`,
    );
    const toBorrower = (await mailboxOf(t.connection, borrower.member.user.email)).filter(
      (mail) => mail.kind === 'booking.declined',
    );
    expect(toBorrower.map((mail) => mail.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `Votre structure n’est plus active sur Mutua\u202f: votre demande à ${second.organisation.name} est close.`,
        ),
      ]),
    );

    const before = await traces([toFirst.id, toSecond.id, accepted.id, active.id]);
    expect(await sweepRequestsOfSuspended(db())).toBe(0);
    expect(await traces([toFirst.id, toSecond.id, accepted.id, active.id])).toEqual(before);
    expect(await statusOf(accepted.id)).toEqual({ status: 'accepted', declineCode: null });
  });

  it('is declined at once when the suspension calls the use case in its transaction, and not at all if it rolls back', async () => {
    const borrower = await structure('Emprunteur direct');
    const lender = await structure('Prêteur direct');
    const booking = await ask(borrower, lender);

    await expect(
      db().transaction(async (tx) => {
        await tx
          .update(organisations)
          .set({ status: 'suspended' })
          .where(eq(organisations.id, borrower.organisation.id));
        expect(await declineRequestsOfSuspended(tx, borrower.organisation.id)).toBe(1);
        throw new Error('the suspension fails after');
      }),
    ).rejects.toThrow('the suspension fails after');
    expect(await statusOf(booking.id)).toEqual({ status: 'requested', declineCode: null });
    expect(await toldOfDecline(booking.id)).toEqual([]);

    // A structure that is not suspended keeps its requests, whoever asks.
    expect(await declineRequestsOfSuspended(db(), borrower.organisation.id)).toBe(0);
    expect(await statusOf(booking.id)).toEqual({ status: 'requested', declineCode: null });

    await db().transaction(async (tx) => {
      await tx.update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, borrower.organisation.id));
      expect(await declineRequestsOfSuspended(tx, borrower.organisation.id)).toBe(1);
    });
    expect(await statusOf(booking.id)).toEqual({ status: 'declined', declineCode: 'borrower_suspended' });
    expect(await toldOfDecline(booking.id)).toEqual(onBothChannels(...lender.people, ...borrower.people));
    expect(await declineRequestsOfSuspended(db(), borrower.organisation.id)).toBe(0);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/accept`,
      headers: lender.headers,
    });
    expect(accept.statusCode).toBe(409);
  });
});

describe('a structure suspended while it is asked', () => {
  it('has its incoming waiting requests declined, and the borrower is told the request is closed', async () => {
    const lender = await structure('Prêteur suspendu');
    const borrower = await structure('Emprunteur actif');
    const elsewhere = await structure('Autre prêteur');
    const booking = await ask(borrower, lender);
    const untouched = await ask(borrower, elsewhere);

    await suspend(lender.organisation);
    expect(await sweepRequestsOfSuspended(db())).toBe(1);

    const detail = await seen(borrower.headers, booking.id);
    expect(detail).toMatchObject({ status: 'declined', declineCode: 'lender_suspended' });
    expect(detail.events.at(-1)).toMatchObject({ party: 'system', reasonCode: 'lender_suspended' });
    expect(await toldOfDecline(booking.id)).toEqual(onBothChannels(...borrower.people, ...lender.people));
    expect(await statusOf(untouched.id)).toEqual({ status: 'requested', declineCode: null });

    const [mail] = (await mailboxOf(t.connection, borrower.manager.email)).filter(
      (sent) => sent.kind === 'booking.declined',
    );
    expect(mail!.subject).toMatch(/^Demande close\u202f: /);
    expect(mail!.text).toContain(
      `La structure à laquelle vous avez fait cette demande, ${lender.organisation.name}, n’est plus active sur Mutua\u202f: votre demande est close.`,
    );
    expect(mail!.text).not.toContain('ne peut pas donner suite');
    expect(await sweepRequestsOfSuspended(db())).toBe(0);
  });
});

describe('the sweep beside another step', () => {
  // Two transactions at once need a server: PGlite runs one connection at a time.
  it.skipIf(process.env.MUTUA_TEST_ENGINE !== 'postgres')(
    'skips a request another step holds, without waiting for it, and declines it at the next tick',
    async () => {
      const borrower = await structure('Emprunteur pressé');
      const lender = await structure('Prêteur occupé');
      const held = await ask(borrower, lender);
      const free = await ask(borrower, lender, 20);
      await suspend(borrower.organisation);

      await db().transaction(async (tx) => {
        // What an accept or a cancel does first: it locks the booking it moves.
        await tx.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, held.id)).for('update');
        expect(await sweepRequestsOfSuspended(db())).toBe(1);
      });
      expect(await statusOf(free.id)).toEqual({ status: 'declined', declineCode: 'borrower_suspended' });
      expect(await statusOf(held.id)).toEqual({ status: 'requested', declineCode: null });

      expect(await sweepRequestsOfSuspended(db())).toBe(1);
      expect(await statusOf(held.id)).toEqual({ status: 'declined', declineCode: 'borrower_suspended' });
    },
  );
});

describe('an acceptance beside a suspension', () => {
  it.skipIf(process.env.MUTUA_TEST_ENGINE !== 'postgres')(
    'waits for a suspension being written, then refuses: a suspended structure takes on no new loan',
    async () => {
      const borrower = await structure('Emprunteur du jour');
      const lender = await structure('Prêteur suspendu');
      const asked = await ask(borrower, lender);

      let answer: Promise<Awaited<ReturnType<typeof t.app.inject>>> | undefined;
      await db().transaction(async (tx) => {
        // The suspension's first write, not committed yet: the lender's people still see it active.
        await tx.update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, lender.organisation.id));
        answer = t.app.inject({
          method: 'POST',
          url: `/api/bookings/${asked.id}/accept`,
          headers: lender.headers,
          payload: {},
        });
        await new Promise((resolve) => setTimeout(resolve, 400));
      });
      const response = await answer!;
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ error: 'organisation_not_active' });
      expect(await statusOf(asked.id)).toEqual({ status: 'requested', declineCode: null });
    },
  );
});
