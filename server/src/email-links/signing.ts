import { createHmac, timingSafeEqual } from 'node:crypto';

/** A uuid in 22 characters (its 16 bytes, base64url), to keep links short; and back (null if it is not one). */
export function compactUuid(id: string): string {
  return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
}

export function expandUuid(compact: string): string | null {
  const hex = Buffer.from(compact, 'base64url').toString('hex');
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Links that carry their own proof: `<payload>.<signature>`, the signature an HMAC of the
 * payload with a key derived from the server's secret for one purpose. A link for one purpose
 * never passes for another, and the database alone cannot forge one.
 */
export function signer(secret: string, purpose: string) {
  const key = createHmac('sha256', secret).update(`mutua-links:${purpose}`).digest();
  // 128 bits of the HMAC are plenty to forge nothing, and keep links short (a path segment is at most 100 characters).
  const signatureOf = (payload: string) =>
    createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');
  return {
    sign(parts: string[]): string {
      const payload = Buffer.from(parts.join('\n')).toString('base64url');
      return `${payload}.${signatureOf(payload)}`;
    },
    /** The parts, or null when the token is malformed or its signature wrong. */
    verify(token: string): string[] | null {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const expected = Buffer.from(signatureOf(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      return Buffer.from(payload, 'base64url').toString().split('\n');
    },
  };
}
