/**
 * What the database refused, read from a driver error (postgres-js and PGlite both set
 * `code` and `constraint_name`/`constraint`; drizzle wraps them in `cause`).
 */
export function databaseError(error: unknown): { code: string; constraint: string | undefined } | null {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const {
      code,
      constraint_name: constraintName,
      constraint,
    } = cause as { code?: unknown; constraint_name?: string; constraint?: string };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return { code, constraint: constraintName ?? constraint };
  }
  return null;
}

/** The name of the constraint an error violated, if it is one. */
export function violatedConstraint(error: unknown): string | undefined {
  return databaseError(error)?.constraint;
}

export const uniqueViolation = '23505';
export const exclusionViolation = '23P01';
