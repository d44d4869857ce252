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
    // Good news: the listing's page, as the catalogue shows it.
    case 'listing.approved':
    case 'listing.restored':
      return listingPath(params, '');
    // Out of the catalogue, or waiting for changes: where its structure edits it.
    case 'listing.changes_requested':
    case 'listing.hidden':
    case 'listing.archived':
      return listingPath(params, '/inventaire');
    case 'report.received':
      return `/admin/signalements/${String(params.reportId)}`;
    case 'network_role.changed':
      return params.role ? '/admin' : '/';
    case 'account.reinstated':
    case 'account.deletion_scheduled':
      return '/connexion';
    default:
      // The reporter's outcome, and what has no page of its own (a suspended account).
      return '/notifications';
  }
}

/** An item's or a service's page (`/materiel/…`, `/services/…`), under `prefix` (the inventory's editing pages). */
function listingPath(params: Record<string, unknown>, prefix: '' | '/inventaire'): string {
  const kind = params.listingType === 'service' ? 'services' : 'materiel';
  return `${prefix}/${kind}/${String(params.listingId)}`;
}

/** The notification settings page, and the one-click unsubscribe page of a signed token. */
export const preferencesPath = '/notifications/preferences';
export const unsubscribePath = (token: string) => `/desabonnement/${token}`;
