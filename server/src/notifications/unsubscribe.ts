import type { NotificationKind } from '../domain/notifications.ts';
import { compactUuid, expandUuid, signer } from '../email-links/signing.ts';

/** The token of a one-click unsubscribe link: who, from which kind. It never expires; it only turns a kind off. */
export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind | 'digest'): string {
  return signer(secret, 'unsubscribe').sign([compactUuid(userId), kind]);
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: string } | null {
  const parts = signer(secret, 'unsubscribe').verify(token);
  if (!parts || parts.length !== 2) return null;
  const userId = expandUuid(parts[0]!);
  return userId ? { userId, kind: parts[1]! } : null;
}
