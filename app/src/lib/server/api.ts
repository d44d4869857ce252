import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sessionCookieName } from '@mutua/server/domain/session';
import { type ApiBridge, type ApiRequest, type ApiResponse, apiBridgeKey } from '@mutua/server/web/bridge';
import type { ApiError } from '@mutua/server/contract';

/** An answer of the API: `ok` tells whether `data` is the expected body or an error body. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; data: ApiError };

type Method = ApiRequest['method'];

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The app's only way to the API, server side. In production the server installs an in-process
 * bridge (no network hop); under `vite dev` we fall back to HTTP on API_ORIGIN.
 * 4xx answers are returned, never thrown, so that forms can show them.
 */
export function createApiClient(event: Pick<RequestEvent, 'cookies' | 'getClientAddress' | 'request'>) {
  // The person's browser, so that « Mes sessions » names the device they signed in from.
  const userAgent = event.request.headers.get('user-agent');
  async function send<T>(method: Method, url: string, body?: RawBody): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (userAgent) headers['user-agent'] = userAgent;
    // Read at call time: a login action sets the cookie, then may call the API again.
    const token = event.cookies.get(sessionCookieName);
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) headers['content-type'] = body.contentType;
    const response = await transport({
      method,
      url,
      headers,
      body: body?.bytes,
      remoteAddress: event.getClientAddress(),
    });
    const data = parseBody(response);
    return response.status < 400
      ? { ok: true, status: response.status, data: data as T }
      : { ok: false, status: response.status, data: asApiError(data, response.status) };
  }

  const json = (body: unknown): RawBody | undefined =>
    body === undefined ? undefined : { bytes: JSON.stringify(body), contentType: 'application/json' };

  return {
    get: <T>(url: string) => send<T>('GET', url),
    post: <T>(url: string, body?: unknown) => send<T>('POST', url, json(body)),
    patch: <T>(url: string, body: unknown) => send<T>('PATCH', url, json(body)),
    put: <T>(url: string, body: unknown) => send<T>('PUT', url, json(body)),
    delete: <T = null>(url: string, body?: unknown) => send<T>('DELETE', url, json(body)),
    /** A multipart form (a photo upload): serialised here, boundary and all, then sent as bytes. */
    postMultipart: async <T>(url: string, form: FormData) => {
      const encoded = new Response(form);
      const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
      return send<T>('POST', url, { bytes: Buffer.from(await encoded.arrayBuffer()), contentType });
    },
    /** A text document as the raw body (a CSV import). */
    postText: <T>(url: string, text: string, contentType: string) => send<T>('POST', url, { bytes: text, contentType }),
  };
}

type RawBody = { bytes: string | Buffer; contentType: string };

function transport(request: ApiRequest): Promise<ApiResponse> {
  const bridge = (globalThis as Record<symbol, unknown>)[apiBridgeKey] as ApiBridge | undefined;
  return bridge ? bridge(request) : overHttp(request);
}

async function overHttp({ method, url, headers, body, remoteAddress }: ApiRequest): Promise<ApiResponse> {
  const origin = env.API_ORIGIN || 'http://127.0.0.1:3001';
  const response = await fetch(new URL(url, origin), {
    method,
    headers: { ...headers, 'x-forwarded-for': remoteAddress },
    // A Buffer's memory may be shared (ArrayBufferLike), which fetch's types refuse: copy it into its own.
    body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
    redirect: 'manual',
  });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

function parseBody(response: ApiResponse): unknown {
  if (!response.body) return null;
  try {
    return JSON.parse(response.body);
  } catch {
    return null;
  }
}

function asApiError(data: unknown, status: number): ApiError {
  if (data && typeof data === 'object' && 'error' in data && 'message' in data) return data as ApiError;
  return { error: status >= 500 ? 'internal_error' : 'bad_request', message: '' };
}

/** Path segments from ids the browser sent: never let one reshape the URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
