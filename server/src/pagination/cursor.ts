import { fieldError } from '../plugins/errors.ts';

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string')) return key;
  } catch {
    // fall through to the 400 below
  }
  throw fieldError('cursor', 'Le curseur de pagination est invalide.', 'format');
}
