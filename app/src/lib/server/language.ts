import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';

export const languageCookieName = 'lang';

export function rememberLanguage(cookies: Cookies, url: URL, lang: Locale) {
  cookies.set(languageCookieName, lang, {
    path: '/',
    httpOnly: false,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: 365 * 24 * 3600,
  });
}
