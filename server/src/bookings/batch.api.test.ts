import { describe, expect, it } from 'vitest';
import type { Booking } from '../domain/bookings.ts';
import {
  bookingCounts,
  dayFromToday,
  makeItem,
  moveBookingTo,
  signedInStructure,
  uniqueSuffix,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Group = { id: string; startDate: string; endDate: string; state: string; bookings: Booking[] };

/** A « panier »: two lenders, the first with two items (one of three units), the second with one. */
async function basketScene() {
  const tonnelles = await signedInStructure(t.app, db(), { name: `La Tonnelle Solidaire ${uniqueSuffix()}` });
  const velos = await signedInStructure(t.app, db(), { name: `Vélos du Nord ${uniqueSuffix()}` });
  const borrower = await signedInStructure(t.app, db(), { name: `Les Tisserands ${uniqueSuffix()}` });
  const tonnelle = await makeItem(db(), {
    organisationId: tonnelles.organisation.id,
    title: 'Tonnelle 3x3',
    quantity: 3,
  });
  const tables = await makeItem(db(), {
    organisationId: tonnelles.organisation.id,
    title: 'Tables pliantes',
    quantity: 10,
    maxLoanDays: 2,
  });
  const velo = await makeItem(db(), { organisationId: velos.organisation.id, title: 'Vélo cargo' });
  return { tonnelles, velos, borrower, tonnelle, tables, velo, startDate: dayFromToday(12), endDate: dayFromToday(13) };
}

async function batch(headers: Record<string, string>, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/bookings/batch', headers, payload });
}

async function groupAs(headers: Record<string, string>, id: string) {
  return t.app.inject({ method: 'GET', url: `/api/bookings/groups/${id}`, headers });
}

describe('POST /api/bookings/batch: several items, the same days, one request per lender', () => {
  it('sends one request to each lender, and the basket is accepted once each has accepted', async () => {
    const { tonnelles, velos, borrower, tonnelle, tables, velo, startDate, endDate } = await basketScene();
    const response = await batch(borrower.headers, {
      lines: [{ itemId: tonnelle.id, quantity: 2 }, { itemId: velo.id }, { itemId: tables.id, quantity: 6 }],
      startDate,
      endDate,
      message: 'Pour la fête du quartier',
    });
    expect(response.statusCode, response.body).toBe(201);
    const group = response.json<Group>();
    expect(group).toMatchObject({ startDate, endDate, state: 'waiting' });
    expect(group.bookings).toHaveLength(2);
    const toTonnelles = group.bookings.find((booking) => booking.lender.id === tonnelles.organisation.id)!;
    const toVelos = group.bookings.find((booking) => booking.lender.id === velos.organisation.id)!;
    expect(toTonnelles).toMatchObject({
      status: 'requested',
      groupId: group.id,
      startDate,
      endDate,
      message: 'Pour la fête du quartier',
      borrower: { id: borrower.organisation.id },
      lines: [
        { itemId: tables.id, title: 'Tables pliantes', quantity: 6 },
        { itemId: tonnelle.id, title: 'Tonnelle 3x3', quantity: 2 },
      ],
    });
    expect(toVelos).toMatchObject({
      status: 'requested',
      groupId: group.id,
      lines: [{ itemId: velo.id, title: 'Vélo cargo', quantity: 1 }],
    });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 2, groups: 1 });

    // Each lender sees only its own part of someone else's basket.
    const seenByVelos = (await groupAs(velos.headers, group.id)).json<Group>();
    expect(seenByVelos.bookings.map((booking) => booking.id)).toEqual([toVelos.id]);
    expect(seenByVelos.bookings[0]!.viewer).toEqual({ role: 'lender', actions: ['accept', 'decline'] });
    const seenByTonnelles = (await groupAs(tonnelles.headers, group.id)).json<Group>();
    expect(seenByTonnelles.bookings.map((booking) => booking.id)).toEqual([toTonnelles.id]);

    await moveBookingTo(t.app, tonnelles.headers, toTonnelles.id, 'accept');
    expect((await groupAs(borrower.headers, group.id)).json<Group>().state).toBe('waiting');
    await moveBookingTo(t.app, velos.headers, toVelos.id, 'accept');
    const accepted = (await groupAs(borrower.headers, group.id)).json<Group>();
    expect(accepted.state).toBe('accepted');
    expect(accepted.bookings.map((booking) => booking.status)).toEqual(['accepted', 'accepted']);
  });

  it('shows the basket partly accepted when one lender declines, and refused when all do', async () => {
    const { tonnelles, velos, borrower, tonnelle, velo, startDate, endDate } = await basketScene();
    const group = (
      await batch(borrower.headers, { lines: [{ itemId: tonnelle.id }, { itemId: velo.id }], startDate, endDate })
    ).json<Group>();
    const part = (lenderId: string) => group.bookings.find((booking) => booking.lender.id === lenderId)!.id;
    await moveBookingTo(t.app, velos.headers, part(velos.organisation.id), 'decline', { reason: 'En réparation' });
    expect((await groupAs(borrower.headers, group.id)).json<Group>().state).toBe('waiting');
    await moveBookingTo(t.app, tonnelles.headers, part(tonnelles.organisation.id), 'accept');
    expect((await groupAs(borrower.headers, group.id)).json<Group>().state).toBe('partly_accepted');

    const other = await batch(borrower.headers, {
      lines: [{ itemId: tonnelle.id }, { itemId: velo.id }],
      startDate: dayFromToday(20),
      endDate: dayFromToday(21),
    });
    const second = other.json<Group>();
    for (const booking of second.bookings) {
      const lender = booking.lender.id === velos.organisation.id ? velos : tonnelles;
      await moveBookingTo(t.app, lender.headers, booking.id, 'decline');
    }
    expect((await groupAs(borrower.headers, second.id)).json<Group>().state).toBe('refused');
  });

  it('hides a basket from structures that have no part in it', async () => {
    const { borrower, tonnelle, startDate, endDate } = await basketScene();
    const group = (
      await batch(borrower.headers, { lines: [{ itemId: tonnelle.id }], startDate, endDate })
    ).json<Group>();
    const stranger = await signedInStructure(t.app, db());
    const response = await groupAs(stranger.headers, group.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('not_found');
    expect((await t.app.inject({ method: 'GET', url: `/api/bookings/groups/${group.id}` })).statusCode).toBe(401);
  });
});

describe('POST /api/bookings/batch: all lines or none', () => {
  it('refuses the whole basket when one line asks for more units than exist, naming that line', async () => {
    const { borrower, tonnelle, velo, tables, startDate, endDate } = await basketScene();
    const response = await batch(borrower.headers, {
      lines: [{ itemId: velo.id }, { itemId: tonnelle.id, quantity: 4 }, { itemId: tables.id }],
      startDate,
      endDate,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ error: 'booking_rule', details: [{ path: 'lines.1.quantity', code: 'quantity' }] });
    expect(body.details).toHaveLength(1);
    for (const message of [body.message, body.details[0].message]) {
      expect(message).toMatch(/^« Tonnelle 3x3 » : .*n’a que 3 unités : vous en demandez 4\.$/);
    }
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('names the line whose item does not allow the dates (here: a loan too long for it)', async () => {
    const { borrower, tonnelle, tables, velo } = await basketScene();
    const response = await batch(borrower.headers, {
      lines: [{ itemId: tonnelle.id }, { itemId: velo.id }, { itemId: tables.id }],
      startDate: dayFromToday(12),
      endDate: dayFromToday(15),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'booking_rule',
      message: expect.stringMatching(/^« Tables pliantes » : .*au plus 2 jours \(vous en demandez 4\)\.$/),
      details: [{ path: 'lines.2.endDate', code: 'max_length' }],
    });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('refuses the same item twice (change its quantity instead) and an unknown item, each on its line', async () => {
    const { borrower, tonnelle, velo, startDate, endDate } = await basketScene();
    const draft = await makeItem(db(), {
      organisationId: (await signedInStructure(t.app, db())).organisation.id,
      status: 'draft',
    });
    const response = await batch(borrower.headers, {
      lines: [{ itemId: tonnelle.id }, { itemId: velo.id }, { itemId: tonnelle.id, quantity: 2 }, { itemId: draft.id }],
      startDate,
      endDate,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'booking_rule',
      message: '2 lignes de la demande posent problème : rien n’a été envoyé.',
      details: [
        {
          path: 'lines.2.itemId',
          code: 'duplicate',
          message: 'Cet objet est déjà dans la demande : changez plutôt sa quantité.',
        },
        { path: 'lines.3.itemId', code: 'exists', message: 'Objet introuvable.' },
      ],
    });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('refuses the basket with 409 when a line is taken on those days, and writes nothing', async () => {
    const { velos, borrower, tonnelle, velo, startDate, endDate } = await basketScene();
    const first = await signedInStructure(t.app, db());
    const taken = (await batch(first.headers, { lines: [{ itemId: velo.id }], startDate, endDate })).json<Group>();
    await moveBookingTo(t.app, velos.headers, taken.bookings[0]!.id, 'accept');
    const response = await batch(borrower.headers, {
      lines: [{ itemId: tonnelle.id }, { itemId: velo.id }],
      startDate,
      endDate,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: 'item_unavailable',
      message: expect.stringContaining('« Vélo cargo » n’est plus disponible'),
      details: [{ path: 'lines.1.quantity', code: 'available' }],
    });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('refuses an empty basket and reversed dates', async () => {
    const { borrower, tonnelle } = await basketScene();
    const empty = await batch(borrower.headers, { lines: [], startDate: dayFromToday(5), endDate: dayFromToday(6) });
    expect(empty.statusCode).toBe(400);
    const reversed = await batch(borrower.headers, {
      lines: [{ itemId: tonnelle.id }],
      startDate: dayFromToday(6),
      endDate: dayFromToday(5),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ error: 'booking_rule', details: [{ path: 'endDate', code: 'order' }] });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });
});
