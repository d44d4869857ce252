import type { Cookies } from '@sveltejs/kit';
import { sessionCookieName, sessionCookieOptions } from '@mutua/server/domain/session';

/** Keeps the API's session token in the same httpOnly cookie the API itself would set, for as long as the session lasts. */
export function startSession(cookies: Cookies, url: URL, session: { token: string; expiresAt: string }) {
  const maxAgeSeconds = Math.max(0, Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000));
  cookies.set(sessionCookieName, session.token, sessionCookieOptions(url.protocol === 'https:', maxAgeSeconds));
}

export function endSession(cookies: Cookies, url: URL) {
  cookies.delete(sessionCookieName, sessionCookieOptions(url.protocol === 'https:', 0));
}

export function hasSession(cookies: Cookies): boolean {
  return Boolean(cookies.get(sessionCookieName));
}
