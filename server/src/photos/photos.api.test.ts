import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import { makeItem, makeService, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

let png: Buffer;
let smallJpeg: Buffer;
beforeAll(async () => {
  png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a7' } })
    .png()
    .toBuffer();
  smallJpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
});

/** The positions of an item's photos, in the database. */
async function positionsOf(itemId: string) {
  const rows = rowsOf<{ position: number }>(
    await db().execute(sql`select position from listing_photos where item_id = ${itemId} order by position`),
  );
  return rows.map((row) => Number(row.position));
}

/** A multipart body as a browser sends it. */
function multipart(parts: Array<{ name: string; filename?: string; type?: string; data: Buffer | string }>) {
  const boundary = '----mutua-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(part.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const photoOf = (data: Buffer, filename = 'tonnelle.jpg') =>
  multipart([
    { name: 'photo', filename, type: 'image/jpeg', data },
    { name: 'alt', data: 'La tonnelle montée' },
  ]);

async function filesIn(dir: string) {
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.webp'));
}

describe('photos of a listing', () => {
  it('resizes an upload to three WebP sizes, shown on the item and served from the API', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const { payload, headers } = photoOf(png, 'named-like-a-jpeg.jpg');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    const photo = response.json();
    expect(photo).toMatchObject({ width: 1600, height: 1067, alt: 'La tonnelle montée' });

    const detail = (await t.app.inject({ method: 'GET', url: `/api/items/${item.id}` })).json();
    expect(detail.photos).toEqual([photo]);
    const search = (
      await t.app.inject({ method: 'GET', url: `/api/items?organisation=${lender.organisation.id}` })
    ).json();
    expect(search.items[0].photo.id).toBe(photo.id);

    const small = await t.app.inject({ method: 'GET', url: photo.urls.small });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-type']).toBe('image/webp');
    expect(small.headers['cache-control']).toContain('immutable');
    expect((await sharp(small.rawPayload).metadata()).width).toBe(320);
  });

  it('refuses a file that is not an image, whatever its name, and keeps no file', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const before = await filesIn(t.photosDir);
    const { payload, headers } = photoOf(Buffer.from('%PDF-1.4 not a photo at all'), 'photo.jpg');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('unsupported_photo');
    expect(await filesIn(t.photosDir)).toEqual(before);
  });

  it('refuses a photo over 10 MB with a 413', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const { payload, headers } = photoOf(Buffer.alloc(11 * 1024 * 1024, 1));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toBe('payload_too_large');
  });

  it('asks for the file in the « photo » field', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const wrongField = multipart([{ name: 'image', filename: 'a.png', type: 'image/png', data: png }]);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...wrongField.headers },
      payload: wrongField.payload,
    });
    expect(response.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: lender.headers,
      payload: { photo: 'x' },
    });
    expect(json.statusCode).toBe(400);
  });

  it("refuses to add to or remove from another structure's listing", async () => {
    const lender = await signedInStructure(t.app, db());
    const service = await makeService(db(), { organisationId: lender.organisation.id });
    const draft = await makeService(db(), { organisationId: lender.organisation.id, status: 'draft' });
    const { payload, headers } = photoOf(png);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/services/${service.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(added.statusCode).toBe(201);
    const intruder = await signedInStructure(t.app, db());
    // A listing the intruder sees but may not change: 403; one they may not know of: 404.
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/services/${service.id}/photos`,
      headers: { ...intruder.headers, ...headers },
      payload,
    });
    expect(upload.statusCode).toBe(403);
    const uploadToDraft = await t.app.inject({
      method: 'POST',
      url: `/api/services/${draft.id}/photos`,
      headers: { ...intruder.headers, ...headers },
      payload,
    });
    expect(uploadToDraft.statusCode).toBe(404);
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `/api/services/${service.id}/photos/${added.json().id}`,
      headers: intruder.headers,
    });
    expect(removal.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'DELETE',
      url: `/api/services/${service.id}/photos/${added.json().id}`,
      headers: lender.headers,
    });
    expect(own.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: added.json().urls.small })).statusCode).toBe(404);
  });

  it('keeps at most 8 photos per listing', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const { payload, headers } = photoOf(small);
    for (let index = 0; index < 8; index++) {
      const added = await t.app.inject({
        method: 'POST',
        url: `/api/items/${item.id}/photos`,
        headers: { ...lender.headers, ...headers },
        payload,
      });
      expect(added.statusCode).toBe(201);
    }
    const ninth = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(ninth.statusCode).toBe(409);
    expect(ninth.json().error).toBe('too_many_photos');
  });

  it('keeps 8 photos, numbered in order, when twenty are sent at once', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const before = await filesIn(t.photosDir);
    const { payload, headers } = photoOf(smallJpeg);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/items/${item.id}/photos`,
          headers: { ...lender.headers, ...headers },
          payload,
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([...Array(8).fill(201), ...Array(12).fill(409)]);
    for (const refused of responses.filter((response) => response.statusCode === 409)) {
      expect(refused.json().error).toBe('too_many_photos');
    }
    const detail = (await t.app.inject({ method: 'GET', url: `/api/items/${item.id}` })).json();
    expect(detail.photos).toHaveLength(8);
    expect(await positionsOf(item.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The refused uploads leave no file behind.
    expect((await filesIn(t.photosDir)).length).toBe(before.length + 8 * 3);
  });

  it('puts a new photo after the others, also once one was removed', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const add = async () => {
      const { payload, headers } = photoOf(smallJpeg);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/items/${item.id}/photos`,
        headers: { ...lender.headers, ...headers },
        payload,
      });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const [first, second, third] = [await add(), await add(), await add()];
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/items/${item.id}/photos/${first}`,
      headers: lender.headers,
    });
    expect(removed.statusCode).toBe(204);
    const fourth = await add();
    const detail = (await t.app.inject({ method: 'GET', url: `/api/items/${item.id}` })).json();
    expect(detail.photos.map((photo: { id: string }) => photo.id)).toEqual([second, third, fourth]);
    expect(new Set(await positionsOf(item.id)).size).toBe(3);
  });

  it('refuses a photo of more than 60 million pixels, and keeps no file', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const before = await filesIn(t.photosDir);
    const huge = await sharp({ create: { width: 10_000, height: 6_100, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const { payload, headers } = photoOf(huge, 'panorama.png');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('validation_failed');
    expect(JSON.stringify(response.json().details)).toContain('maxPixels');
    expect(await filesIn(t.photosDir)).toEqual(before);
  });
});

describe('who is served the photo of a listing', () => {
  /** A structure's item with one photo, and the photo's URL. */
  async function itemWithPhoto(visibility: 'all' | 'networks' = 'all') {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, visibility });
    const { payload, headers } = photoOf(smallJpeg);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(added.statusCode).toBe(201);
    return { lender, item, url: added.json<{ urls: { small: string } }>().urls.small };
  }

  const fetchPhoto = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  const unknownPhoto = async () =>
    (await fetchPhoto(`/api/photos/${randomUUID()}/small.webp`)).json<Record<string, unknown>>();

  it('serves the photo of a public listing to anyone, and lets shared caches keep it', async () => {
    const { url } = await itemWithPhoto();
    const response = await fetchPhoto(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  for (const status of ['draft', 'hidden', 'archived'] as const) {
    it(`answers the photo of a listing that is ${status} only to its structure, as a 404 to others`, async () => {
      const { lender, item, url } = await itemWithPhoto();
      await db().update(items).set({ status }).where(eq(items.id, item.id));
      const outsider = await signedInStructure(t.app, db(), { networkId: lender.networkId });
      for (const headers of [{}, outsider.headers]) {
        const refused = await fetchPhoto(url, headers);
        expect(refused.statusCode).toBe(404);
        expect(refused.json()).toEqual(await unknownPhoto());
        expect(refused.headers['cache-control']).toBe('no-store');
      }
      const own = await fetchPhoto(url, lender.headers);
      expect(own.statusCode).toBe(200);
      expect(own.headers['cache-control']).toMatch(/^private/);
    });
  }

  it("answers the photo of a network's listing to the approved structures of that network only", async () => {
    const { lender, url } = await itemWithPhoto('networks');
    const neighbour = await signedInStructure(t.app, db(), { networkId: lender.networkId });
    const pending = await signedInStructure(t.app, db(), { networkId: lender.networkId, status: 'pending' });
    const elsewhere = await signedInStructure(t.app, db());
    const seen = await fetchPhoto(url, neighbour.headers);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toMatch(/^private/);
    for (const headers of [{}, pending.headers, elsewhere.headers]) {
      expect((await fetchPhoto(url, headers)).statusCode).toBe(404);
    }
  });

  it('stops serving a photo to the public once its structure is suspended', async () => {
    const { lender, url } = await itemWithPhoto();
    expect((await fetchPhoto(url)).statusCode).toBe(200);
    await db().update(organisations).set({ status: 'suspended' }).where(eq(organisations.id, lender.organisation.id));
    expect((await fetchPhoto(url)).statusCode).toBe(404);
    expect((await fetchPhoto(url, lender.headers)).headers['cache-control']).toMatch(/^private/);
  });
});
