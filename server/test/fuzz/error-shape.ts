/**
 * What is wrong with a refusal's JSON body, if anything: the one error shape of the API,
 * `{ error, message, details? }`, each detail `{ path, code, message }` with a dot path.
 */
export function errorShapeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return 'refusal not a JSON object';
  const { error, message, details } = body as Record<string, unknown>;
  if (typeof error !== 'string' || typeof message !== 'string') return 'refusal without { error, message }';
  if (details === undefined) return undefined;
  if (!Array.isArray(details)) return 'details not a list';
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) return 'a detail not an object';
    const { path, code, message: sentence, ...more } = detail as Record<string, unknown>;
    if (typeof path !== 'string' || typeof code !== 'string' || typeof sentence !== 'string')
      return 'a detail without string { path, code, message }';
    if (Object.keys(more).length > 0) return `a detail with more than { path, code, message }: ${Object.keys(more)}`;
    if (path.includes('/')) return `a detail path with a slash: ${path}`;
  }
  return undefined;
}
