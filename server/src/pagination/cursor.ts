import { fieldError } from '../domain/errors.ts';

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor of one row id (a bigserial), whose shape the route checked (`id-cursor`, domain/cursor-shapes.ts). */
export function decodeIdCursor(cursor: string): number {
  return Number(decodeCursor(cursor, 1)[0]);
}

export function decodeCursor(cursor: string, arity: number): string[] {
  const key = readCursor(cursor);
  if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string')) return key;
  throw fieldError('cursor', 'Le curseur de pagination est invalide.', 'format');
}

/** What a cursor holds, not yet checked (plugins/validation.ts checks it against its shape); undefined when it is not base64url JSON. */
export function readCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
