import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import { addDays, parisToday } from '../domain/calendar-days.ts';
import { makeItem, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

/**
 * No double booking, even at the same instant: 50 overlapping requests for one item are accepted
 * all at once. On PostgreSQL they really run in parallel (a pool of 60 connections); on PGlite
 * they queue, which must give the same answers.
 */
describe('simultaneous acceptances', () => {
  const t = useTestApp();
  const simultaneous = 50;

  async function raceOnItem(quantity: number) {
    const lender = await signedInStructure(t.app, t.connection.db);
    const borrower = await signedInStructure(t.app, t.connection.db);
    const item = await makeItem(t.connection.db, {
      organisationId: lender.organisation.id,
      quantity,
      horizonDays: 365,
    });
    // Every request covers day D (a few days each side), so any two overlap there.
    const dayD = addDays(parisToday(), 30);
    const ids: string[] = [];
    for (let index = 0; index < simultaneous; index += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: borrower.headers,
        payload: {
          itemId: item.id,
          quantity: 1,
          startDate: addDays(dayD, -(index % 3)),
          endDate: addDays(dayD, index % 4),
          message: `Demande ${index}`,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      ids.push(response.json<{ id: string }>().id);
    }

    const answers = await Promise.all(
      ids.map((id) => t.app.inject({ method: 'POST', url: `/api/bookings/${id}/accept`, headers: lender.headers })),
    );

    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(quantity);
    expect(statuses.filter((status) => status === 409)).toHaveLength(simultaneous - quantity);
    for (const loser of answers.filter((answer) => answer.statusCode === 409)) {
      expect(['item_unavailable', 'booking_out_of_order']).toContain(loser.json<{ error: string }>().error);
    }

    // The units actually held: never more than the quantity on any day, each by one accepted loan.
    const overCommitted = rowsOf<{ day: string; held: number }>(
      await t.connection.db.execute(sql`
        select d::date::text as day, count(*)::int as held
        from booking_units u, generate_series(u.held_from, u.held_until - 1, interval '1 day') d
        where u.item_id = ${item.id}
        group by d having count(*) > ${quantity}`),
    );
    expect(overCommitted).toEqual([]);
    const byStatus = rowsOf<{ status: string; count: number }>(
      await t.connection.db.execute(sql`
        select b.status::text as status, count(*)::int as count from bookings b join booking_lines l on l.booking_id = b.id
        where l.item_id = ${item.id} group by b.status order by b.status`),
    );
    // The others were told: declined with the reason, none left waiting.
    expect(byStatus).toEqual([
      { status: 'accepted', count: quantity },
      { status: 'declined', count: simultaneous - quantity },
    ]);
  }

  for (const quantity of [2, 1]) {
    for (const round of [1, 2, 3]) {
      it(`accepts exactly ${quantity} of ${simultaneous} overlapping requests for ${quantity} unit(s), every other one gets a 409 (round ${round})`, async () => {
        await raceOnItem(quantity);
      }, 60_000);
    }
  }

  it('keeps every unit right when acceptances that renumber units race with cancellations', async () => {
    const lender = await signedInStructure(t.app, t.connection.db);
    const borrower = await signedInStructure(t.app, t.connection.db);
    const item = await makeItem(t.connection.db, {
      organisationId: lender.organisation.id,
      quantity: 2,
      bufferDays: 0,
      horizonDays: 365,
    });
    const day = (offset: number) => addDays(parisToday(), 20 + offset);
    const ask = async (from: number, to: number) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: borrower.headers,
        payload: { itemId: item.id, startDate: day(from), endDate: day(to) },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    // Units left fragmented: one on days 0–1 and 3–4, the other on days 1–2.
    const earlier = [await ask(0, 1), await ask(1, 2), await ask(3, 4)];
    for (const id of earlier)
      expect(
        (await t.app.inject({ method: 'POST', url: `/api/bookings/${id}/accept`, headers: lender.headers })).statusCode,
      ).toBe(200);
    // Ten requests for days 2–3, which fit only once the units are renumbered, and twenty of 1 to 3 days from day 5 to 11.
    const requests: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      const from = index < 10 ? 2 : 5 + ((index * 7) % 5);
      requests.push(await ask(from, index < 10 ? 3 : from + (index % 3)));
    }

    // While they are accepted, the borrower cancels two of the earlier loans, whose units may be moving.
    const answers = await Promise.all([
      ...requests.map((id) =>
        t.app.inject({ method: 'POST', url: `/api/bookings/${id}/accept`, headers: lender.headers }),
      ),
      ...earlier.slice(1).map((id) =>
        t.app.inject({
          method: 'POST',
          url: `/api/bookings/${id}/cancel`,
          headers: borrower.headers,
          payload: { reason: 'Finalement annulé' },
        }),
      ),
    ]);
    for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode);
    expect(answers.slice(0, requests.length).filter((answer) => answer.statusCode === 200).length).toBeGreaterThan(0);

    const overCommitted = rowsOf<{ day: string }>(
      await t.connection.db.execute(sql`
        select d::date::text as day from booking_units u, generate_series(u.held_from, u.held_until - 1, interval '1 day') d
        where u.item_id = ${item.id} group by d having count(*) > 2`),
    );
    expect(overCommitted).toEqual([]);
    // Each accepted loan holds its unit, and nothing else holds any.
    const holders = rowsOf<{ status: string; units: number }>(
      await t.connection.db.execute(sql`
        select b.status::text as status, count(u.unit_number)::int as units
        from bookings b join booking_lines l on l.booking_id = b.id left join booking_units u on u.line_id = l.id
        where l.item_id = ${item.id} group by b.id, b.status`),
    );
    for (const holder of holders) expect(holder.units).toBe(holder.status === 'accepted' ? 1 : 0);
  }, 60_000);

  it('refuses, in the database itself, a unit held twice on overlapping days', async () => {
    const lender = await signedInStructure(t.app, t.connection.db);
    const borrower = await signedInStructure(t.app, t.connection.db);
    const item = await makeItem(t.connection.db, { organisationId: lender.organisation.id, quantity: 1 });
    const startDate = addDays(parisToday(), 10);
    const ids: string[] = [];
    for (const offset of [0, 1]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        headers: borrower.headers,
        payload: { itemId: item.id, startDate: addDays(startDate, offset), endDate: addDays(startDate, offset + 2) },
      });
      ids.push(response.json<{ id: string }>().id);
    }
    await t.app.inject({ method: 'POST', url: `/api/bookings/${ids[0]}/accept`, headers: lender.headers });
    // Bypassing the service: mark the other one accepted and try to hold the same unit.
    const write = t.connection.db.transaction(async (tx) => {
      await tx.execute(sql`update bookings set status = 'accepted', decline_code = null where id = ${ids[1]}`);
      await tx.execute(sql`
        insert into booking_units (line_id, item_id, unit_number, held_from, held_until)
        select l.id, l.item_id, 1, ${addDays(startDate, 1)}::date, ${addDays(startDate, 4)}::date from booking_lines l where l.booking_id = ${ids[1]}`);
    });
    await expect(write).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23P01' }) });
    // Nor a unit beyond the quantity.
    const beyond = t.connection.db.transaction(async (tx) => {
      await tx.execute(sql`update bookings set status = 'accepted', decline_code = null where id = ${ids[1]}`);
      await tx.execute(sql`
        insert into booking_units (line_id, item_id, unit_number, held_from, held_until)
        select l.id, l.item_id, 2, ${addDays(startDate, 1)}::date, ${addDays(startDate, 4)}::date from booking_lines l where l.booking_id = ${ids[1]}`);
    });
    await expect(beyond).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23514' }) });
  });
});
