import type { Handle, HandleServerError } from '@sveltejs/kit';
import type { Me } from '$lib/api-types';
import { defaultLocale, isLocale, translator } from '$lib/i18n';
import { createApiClient } from '$lib/server/api';
import { languageCookieName } from '$lib/server/language';
import { endSession, hasSession } from '$lib/server/session';

export const handle: Handle = async ({ event, resolve }) => {
  const lang = event.cookies.get(languageCookieName);
  event.locals.lang = isLocale(lang) ? lang : defaultLocale;
  event.locals.api = createApiClient(event);
  event.locals.me = null;
  if (hasSession(event.cookies)) {
    const me = await event.locals.api.get<Me>('/api/me');
    if (me.ok) event.locals.me = me.data;
    // An ended or expired session: forget the cookie rather than sending it again.
    else if (me.status === 401) endSession(event.cookies, event.url);
  }
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang),
  });
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(error);
  const t = translator(event.locals.lang ?? defaultLocale);
  return { message: status === 404 ? t('error.notFoundText') : t('error.unexpected') };
};
