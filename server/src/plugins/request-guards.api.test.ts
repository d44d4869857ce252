import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dayFromToday, lendingScene, makeBooking, makeItem, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/**
 * The answer to a request with a NUL (U+0000) at `path` (`''`: the whole part, named in the message):
 * what PostgreSQL cannot store never reaches it.
 */
const nulRefused = (path: string, name = path) => ({
  error: 'validation_failed',
  message: `Requête invalide : le champ « ${name} » contient un caractère nul (U+0000), qui n'est pas accepté.`,
  details: [
    {
      path,
      code: 'characters',
      message: `Le champ « ${name} » contient un caractère nul (U+0000), qui n'est pas accepté.`,
    },
  ],
});

describe('a NUL character in a request', () => {
  it('is a 400 naming the field in a JSON body, and nothing is written', async () => {
    const { borrower, item } = await lendingScene(t.app, db());
    const booking = await makeBooking(t.app, borrower.headers, {
      itemId: item.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    const url = `/api/bookings/${booking.id}/messages`;

    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: borrower.headers,
      payload: { body: 'a\u0000b' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual(nulRefused('body'));
    expect((await t.app.inject({ method: 'GET', url, headers: borrower.headers })).json()).toEqual([]);

    // The same body without it goes through.
    expect(
      (await t.app.inject({ method: 'POST', url, headers: borrower.headers, payload: { body: 'ab' } })).statusCode,
    ).toBe(201);
  });

  it('names a nested field as the schema errors do, and every field that has one', async () => {
    const { borrower, item } = await lendingScene(t.app, db());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/bookings/batch',
      headers: borrower.headers,
      payload: {
        lines: [{ itemId: item.id }, { itemId: `${item.id}\u0000` }],
        startDate: dayFromToday(10),
        endDate: dayFromToday(11),
        message: '\u0000',
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().details).toEqual([
      expect.objectContaining({ path: 'lines.1.itemId', code: 'characters' }),
      expect.objectContaining({ path: 'message', code: 'characters' }),
    ]);
  });

  it('is a 400 in a query string value (%00)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/items?q=a%00b' });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual(nulRefused('q'));
    expect((await t.app.inject({ method: 'GET', url: '/api/items?q=ab' })).statusCode).toBe(200);
  });

  it('is a 400 in a path parameter, before its own schema is read', async () => {
    const lender = await signedInStructure(t.app, db());
    const response = await t.app.inject({ method: 'GET', url: '/api/bookings/a%00b.ics', headers: lender.headers });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual(nulRefused('id'));
  });

  it('is a 400 in a text body (CSV import)', async () => {
    const lender = await signedInStructure(t.app, db());
    const csv = 'Titre;Catégorie\nTonnelle\u00003x3;Tonnelles\n';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/items/import',
      headers: { ...lender.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual(nulRefused('', 'corps'));
  });

  it('is a 400, not a 500, even in a multipart field the guard cannot see (the database refusal is mapped)', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a7' } })
      .png()
      .toBuffer();
    const boundary = '----mutua-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nLa tonnelle\u0000\r\n--${boundary}--\r\n`,
      ),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'validation_failed',
      details: [{ path: '', code: 'characters' }],
    });
    expect(response.json().message).toMatch(/^Requête invalide : /);
  });
});

describe('a path the router refuses before any route', () => {
  it('answers a parameter over 100 characters with a 400 in the app’s shape, not Fastify’s 414', async () => {
    const lender = await signedInStructure(t.app, db());
    for (const url of [`/api/bookings/${'a'.repeat(150)}`, `/api/bookings/${'a'.repeat(150)}.ics`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: lender.headers });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({
        error: 'validation_failed',
        message: 'Requête invalide : un paramètre du chemin est trop long.',
        details: [{ path: '', code: 'maxLength', message: 'Un paramètre du chemin est trop long.' }],
      });
    }
  });

  it('answers a malformed %-escape in a parameter the same way', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/bookings/%E0%A4.ics' });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'validation_failed',
      details: [{ path: '', code: 'format' }],
    });
    expect(response.json().message).toMatch(/^Requête invalide : /);
  });
});
