import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { docsPrefix } from './openapi.ts';

export type SecurityHeadersOptions = {
  /** PUBLIC_URL: over https, browsers are told to come back over https only (HSTS). */
  publicUrl: string;
};

/**
 * The headers a browser needs to treat what /api answers (JSON, .ics, photos, the docs) as data:
 * no sniffing it into HTML, no framing, no referrer, and a CSP that lets nothing run. Swagger UI
 * at /api/docs is the one page and gets a policy of its own. The app's pages (outside /api) carry
 * SvelteKit's CSP and the `pageHeaders` below, set in web/sveltekit.ts.
 */
export default fp(
  async function securityHeadersPlugin(app: FastifyInstance, options: SecurityHeadersOptions) {
    await app.register(fastifyHelmet, {
      // Applied below, on Fastify's own answers: a global helmet would also write on the app's pages.
      global: false,
      contentSecurityPolicy: { useDefaults: false, directives: apiPolicy },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: options.publicUrl.startsWith('https://')
        ? { maxAge: 365 * 24 * 3600, includeSubDomains: false }
        : false,
    });
    // On send, so on every answer Fastify writes itself (the API, its errors, the docs) and on none
    // of SvelteKit's: those are written straight to the socket by the app (see web/sveltekit.ts).
    app.addHook('onSend', async (request, reply) => {
      // Unset when the router refused the URL before any hook ran (see refusedUrlHeaders).
      if (typeof reply.helmet !== 'function') return;
      const path = request.url.split('?', 1)[0]!;
      reply.helmet(
        isDocsPage(path) ? { contentSecurityPolicy: { useDefaults: false, directives: docsPolicy } } : undefined,
      );
    });
  },
  { name: 'security-headers' },
);

const apiPolicy = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

/** Swagger UI: its scripts and styles come from /api/docs/static; it calls the API it documents. */
const docsPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Swagger UI adds a <style> element of its own at run time (its hash changes with its version).
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI's page and its static files; its document (/json, /yaml) is data like the rest. */
function isDocsPage(path: string): boolean {
  return path === docsPrefix || path === `${docsPrefix}/` || path.startsWith(`${docsPrefix}/static/`);
}

function hsts(publicUrl: string): Record<string, string> {
  return publicUrl.startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000' } : {};
}

/** What helmet writes, for the router's refusals (a bad %-escape), which no hook sees: app.ts adds them. */
export function refusedUrlHeaders(publicUrl: string): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    ...hsts(publicUrl),
  };
}

/**
 * Beside SvelteKit's own CSP on the app's pages and files: no sniffing, no framing (for browsers
 * that ignore frame-ancestors), and links to other sites carry the origin only, never the page.
 */
export function pageHeaders(publicUrl: string): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...hsts(publicUrl),
  };
}
