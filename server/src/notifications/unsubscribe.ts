import type { NotificationKind } from '../domain/notifications.ts';
import { signer } from '../email-links/signing.ts';

/** The token of a one-click unsubscribe link: who, from which kind. It never expires; it only turns a kind off. */
export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind | 'digest'): string {
  return signer(secret, 'unsubscribe').sign([Buffer.from(userId.replaceAll('-', ''), 'hex').toString('base64url'), kind]);
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: string } | null {
  const parts = signer(secret, 'unsubscribe').verify(token);
  if (!parts || parts.length !== 2) return null;
  const hex = Buffer.from(parts[0]!, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return { userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, kind: parts[1]! };
}
