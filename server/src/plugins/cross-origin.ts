import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../domain/errors.ts';
import { sessionCookieName } from '../domain/session.ts';

export type CrossOriginOptions = {
  /** The address people reach Mutua at (PUBLIC_URL): its origin is Mutua's own. */
  publicUrl: string;
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery. A browser attaches the session cookie to any request to the API,
 * including a form or a `text/plain` fetch from another site (neither needs a CORS preflight), and
 * SameSite=Lax lets every page of the same site through. So a write that carries the cookie must
 * come from Mutua's own origin, as the browser tells in `Sec-Fetch-Site` and `Origin`.
 *
 * What passes: a request without the cookie (a bearer token is never sent by a browser on its own;
 * the SvelteKit app calls the API server side with one), and a request with neither header (not a
 * browser: a script, curl). `Sec-Fetch-Site: none` passes too: the person started it (address
 * bar, bookmark), which no other page can do. The origin the request was addressed to (Host,
 * or X-Forwarded-Host behind a trusted proxy) counts as Mutua's as well as PUBLIC_URL's: a page
 * cannot choose those headers, and a proxy that rewrites Host is covered by PUBLIC_URL.
 * SvelteKit's form actions, outside /api, keep their own check.
 */
export default fp(
  async function crossOriginPlugin(app: FastifyInstance, options: CrossOriginOptions) {
    const publicOrigin = new URL(options.publicUrl).origin;
    app.addHook('onRequest', async (request) => {
      // The route matched, not the URL as sent: `/%61pi/…` reaches the same routes.
      if (safeMethods.has(request.method) || !request.routeOptions.url?.startsWith('/api/')) return;
      if (request.cookies[sessionCookieName] === undefined) return;
      if (comesFromAnotherOrigin(request, publicOrigin)) {
        throw new AppError(
          'cross_origin_request',
          'Requête refusée : elle vient d’un autre site que Mutua. Refaites-la depuis Mutua.',
        );
      }
    });
  },
  { name: 'cross-origin', dependencies: ['@fastify/cookie'] },
);

function comesFromAnotherOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const addressedOrigin = `${request.protocol}://${request.host}`.toLowerCase();
  return origin !== publicOrigin && origin !== addressedOrigin;
}
