const here = 'http://mutua.invalid';

/**
 * Where to send someone back after signing in or switching language: only a path of this
 * site, never another origin (`//evil.example`, `/\evil.example`, `https://…`). Parsing it
 * as a browser would is what tells: the result must stay on the same origin.
 */
export function localPath(value: string | null | undefined, fallback = '/'): string {
  if (!value?.startsWith('/')) return fallback;
  try {
    const url = new URL(value, here);
    return url.origin === here ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}

/** Where someone lands after signing in when nothing else was asked. */
export function landingPathFor(me: { memberships: unknown[]; networkRoles: Array<{ role: string }> }): string {
  if (me.memberships.length > 0) return '/ma-structure';
  if (me.networkRoles.some((role) => role.role === 'admin')) return '/admin';
  return '/';
}
