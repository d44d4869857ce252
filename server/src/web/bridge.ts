/**
 * How the SvelteKit app calls the API when both run in one process: straight into Fastify
 * (`app.inject`), with no network hop. The server installs the bridge on `globalThis` before
 * loading the app; without it (e.g. `vite dev`) the app falls back to HTTP on API_ORIGIN.
 */
export const apiBridgeKey = Symbol.for('mutua.apiBridge');

export type ApiRequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path and query, starting with /api/. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The browser's address, so that per-client rate limits still apply. */
  remoteAddress: string;
};

export type ApiResponse = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
};

export type ApiBridge = (request: ApiRequest) => Promise<ApiResponse>;
