import { count, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { itemBlockedPeriods } from '../db/schema/availability.ts';
import { items } from '../db/schema/items.ts';
import { needs } from '../db/schema/needs.ts';
import { services } from '../db/schema/services.ts';
import { bookings } from '../db/schema/bookings.ts';
import { dayFromToday, lendingScene, makeService, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

/*
 * Values that passed the schemas and then broke in PostgreSQL or in date arithmetic (a 500, found
 * by attacking the API and by routes.api.test.ts): each is now a 400 naming the field, and nothing is written.
 */

const t = useTestApp();
const db = () => t.connection.db;

/** A 400 whose details name `field` (its dot path). */
async function expectRefused(request: InjectOptions, field: string) {
  const response = await t.app.inject(request);
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json<{ error: string; details?: Array<{ path: string }> }>();
  expect(body.error).toBe('validation_failed');
  expect(body.details?.map((detail) => detail.path)).toContain(field);
}

async function rows(table: typeof items | typeof services | typeof needs, organisationId: string) {
  const [row] = await db().select({ n: count() }).from(table).where(eq(table.organisationId, organisationId));
  return row!.n;
}

/** Days PostgreSQL or JavaScript cannot take, or that no longer write as YYYY-MM-DD once a day is added. */
const outOfRangeDays = ['0000-01-01', '0001-01-01', '0099-12-31', '1899-12-31', '3000-01-01', '9999-12-31'];
const notDays = ['10000-01-01', '-000001-01-01', '+002027-01-01', '2027-02-29'];

describe('days out of range are a 400 naming the field', () => {
  it('availability of an item', async () => {
    const { item } = await lendingScene(t.app, db());
    for (const from of [...outOfRangeDays, ...notDays])
      await expectRefused({ method: 'GET', url: `/api/items/${item.id}/availability?from=${from}` }, 'from');
    await expectRefused(
      { method: 'GET', url: `/api/items/${item.id}/availability?from=${dayFromToday(1)}&to=0000-01-01` },
      'to',
    );
  });

  it('search by dates', async () => {
    await expectRefused(
      { method: 'GET', url: `/api/items?available_from=0000-01-01&available_to=${dayFromToday(3)}` },
      'available_from',
    );
  });

  it('blocked periods, and none is written', async () => {
    const { lender, item } = await lendingScene(t.app, db());
    for (const startDate of [...outOfRangeDays, ...notDays])
      await expectRefused(
        {
          method: 'POST',
          url: `/api/items/${item.id}/blocked-periods`,
          headers: lender.headers,
          payload: { startDate, endDate: dayFromToday(3), reason: 'closed' },
        },
        'startDate',
      );
    const [written] = await db()
      .select({ n: count() })
      .from(itemBlockedPeriods)
      .where(eq(itemBlockedPeriods.itemId, item.id));
    expect(written!.n).toBe(0);
  });

  it('needs, and none is written', async () => {
    const seeker = await signedInStructure(t.app, db());
    for (const neededFrom of [...outOfRangeDays, ...notDays])
      await expectRefused(
        {
          method: 'POST',
          url: '/api/needs',
          headers: seeker.headers,
          payload: { kind: 'item', title: 'Une tonnelle', categoryId: 'tonnelles', neededFrom },
        },
        'neededFrom',
      );
    expect(await rows(needs, seeker.organisation.id)).toBe(0);
  });

  it('loan requests, single and in a basket, and none is written', async () => {
    const { borrower, item } = await lendingScene(t.app, db());
    for (const startDate of [...outOfRangeDays, ...notDays]) {
      const dates = { startDate, endDate: dayFromToday(10) };
      await expectRefused(
        { method: 'POST', url: '/api/bookings', headers: borrower.headers, payload: { itemId: item.id, ...dates } },
        'startDate',
      );
      await expectRefused(
        {
          method: 'POST',
          url: '/api/bookings/batch',
          headers: borrower.headers,
          payload: { lines: [{ itemId: item.id }], ...dates },
        },
        'startDate',
      );
    }
    const [written] = await db()
      .select({ n: count() })
      .from(bookings)
      .where(eq(bookings.borrowerOrganisationId, borrower.organisation.id));
    expect(written!.n).toBe(0);
  });

  it('service requests: instants of year 0, leap seconds and offsets no zone has', async () => {
    const lender = await signedInStructure(t.app, db());
    const borrower = await signedInStructure(t.app, db());
    const service = await makeService(db(), { organisationId: lender.organisation.id });
    for (const startsAt of [
      '0000-01-01T10:00:00Z',
      '9999-12-31T10:00:00Z',
      '2027-06-30T23:59:60Z',
      '2027-06-01T10:00:00+23:59',
      '2027-06-01T10:00:00+23',
      '2027-06-01 10:00:00Z',
    ])
      await expectRefused(
        {
          method: 'POST',
          url: '/api/bookings',
          headers: borrower.headers,
          payload: { serviceId: service.id, startsAt, endsAt: '2027-06-01T12:00:00Z' },
        },
        'startsAt',
      );
  });
});

describe('amounts under one cent are a 400 naming the field', () => {
  it('items: deposit, value and fee, created or edited', async () => {
    const lender = await signedInStructure(t.app, db());
    const base = { title: 'Tonnelle 3x3', categoryId: 'tonnelles' };
    for (const [field, extra] of [
      ['feeAmount', { fee: 'per_day', feeAmount: 0.001 }],
      ['feeAmount', { fee: 'per_loan', feeAmount: 0.004 }],
      ['deposit', { deposit: 0.004 }],
      ['replacementValue', { replacementValue: 12.345 }],
    ] as const)
      await expectRefused(
        { method: 'POST', url: '/api/items', headers: lender.headers, payload: { ...base, ...extra } },
        field,
      );
    expect(await rows(items, lender.organisation.id)).toBe(0);

    const made = await t.app.inject({ method: 'POST', url: '/api/items', headers: lender.headers, payload: base });
    await expectRefused(
      {
        method: 'PATCH',
        url: `/api/items/${made.json<{ id: string }>().id}`,
        headers: lender.headers,
        payload: { fee: 'per_day', feeAmount: 0.001 },
      },
      'feeAmount',
    );
  });

  it('still takes every amount to the cent, float division notwithstanding', async () => {
    const lender = await signedInStructure(t.app, db());
    for (const amount of [0.01, 0.07, 12.34, 180.55, 999_999.99]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/items',
        headers: lender.headers,
        payload: { title: 'Tonnelle', categoryId: 'tonnelles', fee: 'per_day', feeAmount: amount, deposit: amount },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ feeAmount: amount, deposit: amount });
    }
  });

  it('services: price', async () => {
    const lender = await signedInStructure(t.app, db());
    await expectRefused(
      {
        method: 'POST',
        url: '/api/services',
        headers: lender.headers,
        payload: { title: 'Conseil', domain: 'autre', participation: 'price', price: 0.001 },
      },
      'price',
    );
    expect(await rows(services, lender.organisation.id)).toBe(0);
  });

  it('the CSV import reports the row, in the file’s own words, and writes nothing', async () => {
    const lender = await signedInStructure(t.app, db());
    const csv = 'titre;categorie;participation;montant_participation\nTonnelle;Tonnelles;par jour;0,001\n';
    for (const query of ['', '?dryRun=true']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/items/import${query}`,
        headers: { ...lender.headers, 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(response.statusCode, response.body).toBe(query ? 200 : 400);
      const answer = response.json<{ details?: Array<{ path: string }>; rows?: unknown[] }>();
      if (query)
        expect(answer.rows).toEqual([
          expect.objectContaining({
            line: 2,
            status: 'invalid',
            errors: expect.arrayContaining([expect.objectContaining({ field: 'montant_participation' })]),
          }),
        ]);
      // The refusal's details name the API's field on the file's line; the report keeps the file's column.
      else expect(answer.details?.map((detail) => detail.path)).toContain('rows.2.feeAmount');
    }
    expect(await rows(items, lender.organisation.id)).toBe(0);
  });
});
