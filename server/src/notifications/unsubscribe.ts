import type { NotificationKind } from '../domain/notifications.ts';
import { signer } from './signing.ts';

/** The token of a one-click unsubscribe link: who, from which kind. It never expires; it only turns a kind off. */
export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return signer(secret, 'unsubscribe').sign([userId, kind]);
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: string } | null {
  const parts = signer(secret, 'unsubscribe').verify(token);
  if (!parts || parts.length !== 2) return null;
  return { userId: parts[0]!, kind: parts[1]! };
}
