import { redirect } from '@sveltejs/kit';
import type { Me } from '@mutua/server/contract';
import { isLocale } from '$lib/i18n';
import { rememberLanguage } from '$lib/server/language';
import { localPath } from '$lib/server/redirects';
import type { RequestHandler } from './$types';

/**
 * `/langue?l=en&retour=/structures`: remembers the language, then goes back where the person was.
 * Signed in, the account keeps it too (`PATCH /api/me`): the emails they get follow it. Like the
 * cookie, it is a preference, the footer's plain links set it; a failure there does not stop the switch.
 */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
  const lang = url.searchParams.get('l');
  if (isLocale(lang)) {
    rememberLanguage(cookies, url, lang);
    if (locals.me && locals.me.user.locale !== lang) await locals.api.patch<Me>('/api/me', { locale: lang });
  }
  redirect(303, localPath(url.searchParams.get('retour')));
};
