import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { diskPhotoStorage } from '../photos/storage.ts';
import { mountSvelteKit } from '../web/sveltekit.ts';
import { signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

const dataPolicy = "default-src 'none';frame-ancestors 'none'";

/** What every API answer carries, whatever its type. */
function expectDataHeaders(headers: Record<string, unknown>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['content-security-policy'], what).toBe(dataPolicy);
}

async function appWith(publicUrl: string) {
  const app = await buildApp({
    db: t.connection.db,
    photoStorage: diskPhotoStorage(t.photosDir),
    jwtSecret: 'test-secret-not-for-production',
    publicUrl,
  });
  return app;
}

describe('the API’s security headers', () => {
  it('are on JSON answers, errors included', async () => {
    const urls = [
      '/api/health',
      '/api/me',
      '/api/items/pas-un-uuid',
      '/api/nothing-here',
      '/api/docs/json',
      '/%61pi/me',
      '/api/items/%E0%A4%A',
    ];
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url });
      expectDataHeaders(response.headers, `${url} (${response.statusCode})`);
    }
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { mutua_session: 'x' },
      headers: { origin: 'https://pirate.example' },
    });
    expect(refused.statusCode).toBe(403);
    expectDataHeaders(refused.headers, 'a cross-origin refusal');
  });

  it('are on the calendar feed (.ics)', async () => {
    const { organisation, headers } = await signedInStructure(t.app, t.connection.db);
    const feed = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/calendar-feed`,
      headers,
    });
    const response = await t.app.inject({ method: 'GET', url: new URL(feed.json<{ url: string }>().url).pathname });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expectDataHeaders(response.headers, 'the feed');
  });

  it('let Swagger UI load its own scripts and styles at /api/docs, framed by nobody', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('ask for https only (HSTS) when PUBLIC_URL is https, and not over http', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBe(
      undefined,
    );
    const app = await appWith('https://mutua.example.org');
    try {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await app.close();
    }
  });

  it('are SvelteKit’s own CSP on the app’s pages, with no sniffing, no framing and the origin only as referrer', async () => {
    const buildDir = await mkdtemp(join(tmpdir(), 'mutua-app-build-'));
    await writeFile(
      join(buildDir, 'handler.js'),
      `export function handler(req, res) {
        res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'" });
        res.end('<p>page</p>');
      }`,
    );
    for (const publicUrl of ['http://localhost:3000', 'https://mutua.example.org']) {
      const app = await appWith(publicUrl);
      try {
        expect(await mountSvelteKit(app, { publicUrl, buildDir })).toBe(true);
        const page = await app.inject({ method: 'GET', url: '/catalogue' });
        expect(page.body).toBe('<p>page</p>');
        expect(page.headers['content-security-policy']).toBe("default-src 'self'");
        expect(page.headers['x-content-type-options']).toBe('nosniff');
        expect(page.headers['x-frame-options']).toBe('DENY');
        expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(page.headers['strict-transport-security']).toBe(
          publicUrl.startsWith('https:') ? 'max-age=31536000' : undefined,
        );
        expectDataHeaders((await app.inject({ method: 'GET', url: '/api/health' })).headers, 'the API beside the app');
      } finally {
        await app.close();
      }
    }
    await rm(buildDir, { recursive: true, force: true });
  });
});
