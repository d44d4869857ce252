/**
 * The map's tiles come from the origin of PUBLIC_MAP_TILES_URL, known only at run time: the
 * static CSP of svelte.config.js cannot name it, so each response gets it added to `img-src`.
 */

export const defaultTilesUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The CSP source for a Leaflet tile URL template: its origin, `{s}.` subdomains as a wildcard. */
export function tileImageSource(template: string): string | null {
  const wildcard = /^(https?:\/\/)\{s\}\./.test(template);
  const sample = template.replace(/\{[a-z]+\}/gi, '0');
  let url: URL;
  try {
    url = new URL(sample);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // The sample put "0" for {s}: the real hosts are a.…, b.…, c.…
  return wildcard ? `${url.protocol}//*.${url.host.replace(/^0\./, '')}` : url.origin;
}

/** Adds one source to the `img-src` directive of a Content-Security-Policy header. */
export function withImageSource(policy: string, source: string): string {
  const directives = policy.split(';').map((directive) => directive.trim());
  const index = directives.findIndex((directive) => directive.startsWith('img-src'));
  if (index === -1) return policy;
  if (directives[index]!.split(/\s+/).includes(source)) return policy;
  directives[index] = `${directives[index]} ${source}`;
  return directives.filter(Boolean).join('; ');
}
