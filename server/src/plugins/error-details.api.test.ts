import { describe, expect, it } from 'vitest';
import { errorShapeProblem } from '../../test/fuzz/error-shape.ts';
import { bookingCounts, dayFromToday, makeItem, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

/*
 * Every refusal's `details` has one shape, whoever found the problem (the schema, a use case, a
 * booking's rules): a list of `{ path, code, message }`, `path` a dot path into the request.
 */

const t = useTestApp();
const db = () => t.connection.db;

type Detail = { path: string; code: string; message: string };

/** The refusal's details, once its status and shape are checked. */
function detailsOf(response: { statusCode: number; body: string }, status = 400): Detail[] {
  expect(response.statusCode, response.body).toBe(status);
  const body: unknown = JSON.parse(response.body);
  expect(errorShapeProblem(body)).toBeUndefined();
  return (body as { details: Detail[] }).details;
}

async function offerService(headers: Record<string, string>, slots: unknown[]) {
  return t.app.inject({
    method: 'POST',
    url: '/api/services',
    headers,
    payload: { title: 'Atelier vélo', domain: 'transition_ecologique', slots },
  });
}

describe('the details of a refusal', () => {
  it('name a field nested in a list by its dot path, and a missing one by where it should be', async () => {
    const provider = await signedInStructure(t.app, db());
    const response = await offerService(provider.headers, [
      { weekday: 1, startsAt: '09:00', endsAt: '12:00' },
      { weekday: 8, startsAt: '9h', endsAt: '12:00' },
      { weekday: 2, startsAt: '14:00' },
    ]);
    const details = detailsOf(response);
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'slots.1.weekday', code: 'maximum', message: expect.stringContaining('« slots.1.weekday »') },
        { path: 'slots.1.startsAt', code: 'pattern', message: expect.stringContaining('« slots.1.startsAt »') },
        {
          path: 'slots.2.endsAt',
          code: 'required',
          message: 'Le champ « slots.2.endsAt » est obligatoire.',
        },
      ]),
    );
    expect(response.json().message).toMatch(/^Requête invalide : /);
  });

  it('name the query parameter at fault', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/services?limit=0' });
    expect(detailsOf(response)).toEqual([
      { path: 'limit', code: 'minimum', message: 'Le champ « limit » est trop petit (minimum 1).' },
    ]);
  });

  it('have the same shape when a use case finds the problem (a slot that ends before it starts)', async () => {
    const provider = await signedInStructure(t.app, db());
    const response = await offerService(provider.headers, [
      { weekday: 1, startsAt: '09:00', endsAt: '12:00' },
      { weekday: 3, startsAt: '18:00', endsAt: '10:00' },
    ]);
    expect(detailsOf(response)).toEqual([
      { path: 'slots.1.endsAt', code: 'consistency', message: 'Un créneau finit après avoir commencé.' },
    ]);
  });

  it('name each refused line of a basket, with the rule it breaks, and nothing is sent', async () => {
    const lender = await signedInStructure(t.app, db());
    const borrower = await signedInStructure(t.app, db());
    const [tonnelle, chairs, tables] = await Promise.all([
      makeItem(db(), { organisationId: lender.organisation.id, title: 'Tonnelle', quantity: 2 }),
      makeItem(db(), { organisationId: lender.organisation.id, title: 'Chaises', quantity: 10 }),
      makeItem(db(), { organisationId: lender.organisation.id, title: 'Tables', maxLoanDays: 1 }),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/bookings/batch',
      headers: borrower.headers,
      payload: {
        lines: [{ itemId: chairs.id }, { itemId: tonnelle.id, quantity: 3 }, { itemId: tables.id }],
        startDate: dayFromToday(12),
        endDate: dayFromToday(13),
      },
    });
    expect(detailsOf(response)).toEqual([
      {
        path: 'lines.1.quantity',
        code: 'quantity',
        message: '« Tonnelle » : ce matériel n’a que 2 unités : vous en demandez 3.',
      },
      {
        path: 'lines.2.endDate',
        code: 'max_length',
        message: '« Tables » : ce matériel se prête au plus 1 jour (vous en demandez 2).',
      },
    ]);
    expect(response.json()).toMatchObject({ error: 'booking_rule' });
    expect(await bookingCounts(db(), borrower.organisation.id)).toEqual({ bookings: 0, groups: 0 });
  });

  it('are documented in the OpenAPI document as that one shape', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const refusal = document.paths['/api/services'].post.responses['400'].content['application/json'].schema;
    expect(refusal.properties.details).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['path', 'code', 'message'] },
    });
  });
});
