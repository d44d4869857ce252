import { readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeService, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

let png: Buffer;
beforeAll(async () => {
  png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#2a7' } })
    .png()
    .toBuffer();
});

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
    const { payload, headers } = photoOf(png);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/services/${service.id}/photos`,
      headers: { ...lender.headers, ...headers },
      payload,
    });
    expect(added.statusCode).toBe(201);
    const intruder = await signedInStructure(t.app, db());
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/services/${service.id}/photos`,
      headers: { ...intruder.headers, ...headers },
      payload,
    });
    expect(upload.statusCode).toBe(404);
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `/api/services/${service.id}/photos/${added.json().id}`,
      headers: intruder.headers,
    });
    expect(removal.statusCode).toBe(404);
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
});
