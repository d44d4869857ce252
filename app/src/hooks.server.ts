import type { Handle, HandleServerError } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import type { Me } from '@mutua/server/contract';
import { defaultLocale, isLocale, translator } from '$lib/i18n';
import { createApiClient } from '$lib/server/api';
import { defaultTilesUrl, tileImageSource, withImageSource } from '$lib/server/csp';
import { languageCookieName } from '$lib/server/language';
import { endSession, hasSession } from '$lib/server/session';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.api = createApiClient(event);
  event.locals.me = null;
  if (hasSession(event.cookies)) {
    const me = await event.locals.api.get<Me>('/api/me');
    if (me.ok) event.locals.me = me.data;
    // An ended or expired session: forget the cookie rather than sending it again.
    else if (me.status === 401) endSession(event.cookies, event.url);
  }
  // The language chosen on this device, else the one saved with the account (emails follow it too).
  const lang = event.cookies.get(languageCookieName);
  event.locals.lang = isLocale(lang) ? lang : (event.locals.me?.user.locale ?? defaultLocale);
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang),
  });
  allowMapTiles(response);
  return response;
};

/** The catalogue's map loads its tiles from PUBLIC_MAP_TILES_URL's origin (see lib/server/csp.ts); pages only, not the endpoints' own policies. */
function allowMapTiles(response: Response) {
  if (!response.headers.has('x-sveltekit-page')) return;
  const policy = response.headers.get('content-security-policy');
  const source = tileImageSource(env.PUBLIC_MAP_TILES_URL || defaultTilesUrl);
  if (policy && source) response.headers.set('content-security-policy', withImageSource(policy, source));
}

export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(error);
  const t = translator(event.locals.lang ?? defaultLocale);
  return { message: status === 404 ? t('error.notFoundText') : t('error.unexpected') };
};
