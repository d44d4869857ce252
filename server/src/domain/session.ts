/** The session cookie, set by the API on login and by the app's login form alike. */
export const sessionCookieName = 'mutua_session';

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds } as const;
}
