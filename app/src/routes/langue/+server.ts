import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { rememberLanguage } from '$lib/server/language';
import { localPath } from '$lib/server/redirects';
import type { RequestHandler } from './$types';

/** `/langue?l=en&retour=/structures`: remembers the language, then goes back where the person was. */
export const GET: RequestHandler = ({ url, cookies }) => {
  const lang = url.searchParams.get('l');
  if (isLocale(lang)) rememberLanguage(cookies, url, lang);
  redirect(303, localPath(url.searchParams.get('retour')));
};
