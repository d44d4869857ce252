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
 * at /api/docs is the one page and gets a policy of its own. The app's pages (outside /api) are
 * SvelteKit's and set their own headers.
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
      // Unset only when the router refused the URL before any hook ran (a malformed %-escape).
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
