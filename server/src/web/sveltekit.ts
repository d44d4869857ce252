import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { pageHeaders } from '../plugins/security-headers.ts';
import { type ApiBridge, apiBridgeKey } from './bridge.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const forwardedProtocolHeader = 'x-mutua-protocol';
const forwardedAddressHeader = 'x-mutua-client-address';

export const appBuildDir = new URL('../../../app/build', import.meta.url).pathname;

/**
 * Serves the built SvelteKit app (adapter-node) from the same Fastify server: everything outside
 * /api is handed to it before Fastify parses a body, so form posts reach SvelteKit untouched.
 */
export async function mountSvelteKit(
  app: FastifyInstance,
  { publicUrl, buildDir = appBuildDir }: { publicUrl: string; buildDir?: string },
): Promise<boolean> {
  const handlerFile = join(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) return false;
  installApiBridge(app);
  // adapter-node reads these when imported. Unless ORIGIN is set, it would take every request
  // for https and refuse form posts made over http; Fastify knows the real protocol and client
  // address (honouring TRUST_PROXY), so it passes them on in headers of its own.
  process.env.PROTOCOL_HEADER ??= forwardedProtocolHeader;
  process.env.ADDRESS_HEADER ??= forwardedAddressHeader;
  // Photo uploads pass through the app's forms: allow the API's 10 MB photos (adapter-node says 512 kB).
  process.env.BODY_SIZE_LIMIT ??= '11M';
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
  const headers = Object.entries(pageHeaders(publicUrl));
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) return done();
    request.raw.headers[forwardedProtocolHeader] = request.protocol;
    request.raw.headers[forwardedAddressHeader] = request.ip;
    reply.hijack();
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    handler(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end('Not found');
    });
  });
  return true;
}

function installApiBridge(app: FastifyInstance) {
  const bridge: ApiBridge = async ({ method, url, headers, body, remoteAddress }) => {
    const response = await app.inject({ method, url, headers, payload: body, remoteAddress });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  };
  (globalThis as Record<symbol, unknown>)[apiBridgeKey] = bridge;
}
