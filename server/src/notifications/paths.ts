import type { events } from '../db/schema/events.ts';
import type { NotificationKind } from '../domain/notifications.ts';

/** Where a notification leads in the app (a path): the bell and the email's button go to the same place. */
export function appPathOf(
  kind: NotificationKind,
  event: Pick<typeof events.$inferSelect, 'bookingId' | 'params'>,
): string {
  const params = event.params as Record<string, unknown>;
  if (event.bookingId) return `/prets/${event.bookingId}`;
  switch (kind) {
    case 'organisation.approved':
    case 'organisation.rejected':
    case 'organisation.suspended':
    case 'organisation.reinstated':
    case 'organisation.reopened':
    case 'organisation.changes_requested':
    case 'membership.requested':
    case 'membership.accepted':
      return '/ma-structure';
    case 'need.response':
      return `/besoins/${String(params.needId)}`;
    case 'account.password_changed':
      return '/compte';
    default:
      return '/notifications';
  }
}

/** The notification settings page, and the one-click unsubscribe page of a signed token. */
export const preferencesPath = '/notifications/preferences';
export const unsubscribePath = (token: string) => `/desabonnement/${token}`;
