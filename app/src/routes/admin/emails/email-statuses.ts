import type { EmailStatus } from '@mutua/server/contract';

/** The `?statut=` values of the admins' mailbox (French, as URLs are), and the API status each one lists. */
export const emailFilters = {
  'en-file': 'queued',
  'en-cours': 'sending',
  envoyes: 'sent',
  'nouvel-essai': 'retrying',
  echecs: 'failed',
  recapitulatif: 'held',
  'sans-objet': 'skipped',
} as const satisfies Record<string, EmailStatus>;

export type EmailFilter = keyof typeof emailFilters;

/** A known `?statut=`, else null (every email). */
export function emailFilterOf(value: string | null): EmailFilter | null {
  return value !== null && Object.hasOwn(emailFilters, value) ? (value as EmailFilter) : null;
}

/** What each status says at a glance; the word carries the meaning, the tone only helps. */
export const emailStatusTones = {
  queued: 'info',
  sending: 'info',
  sent: 'success',
  retrying: 'warning',
  failed: 'danger',
  held: 'neutral',
  skipped: 'neutral',
} as const satisfies Record<EmailStatus, 'neutral' | 'success' | 'warning' | 'danger' | 'info'>;

/** An admin may send again what failed or waits for another attempt (the API answers 409 otherwise). */
export function canRetry(status: EmailStatus): boolean {
  return status === 'failed' || status === 'retrying';
}
