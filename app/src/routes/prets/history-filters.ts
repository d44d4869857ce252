/**
 * The filters of the full lists of bookings (`/prets/historique?as=lender&status=requested`), to
 * and from the URL, and what they ask of `GET /api/bookings`.
 */
import type { BookingRole, BookingStatus } from '@mutua/server/contract';

export const bookingStatusList = [
  'requested',
  'accepted',
  'picked_up',
  'returned',
  'done',
  'closed',
  'declined',
  'cancelled',
  'expired',
] as const satisfies readonly BookingStatus[];

export type HistoryFilters = { as: BookingRole; status: '' | BookingStatus; structure: string; cursor: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function historyFiltersFromUrl(params: URLSearchParams): HistoryFilters {
  const status = params.get('status') ?? '';
  const structure = (params.get('structure') ?? '').trim();
  return {
    as: params.get('as') === 'borrower' ? 'borrower' : 'lender',
    status: (bookingStatusList as readonly string[]).includes(status) ? (status as BookingStatus) : '',
    structure: uuid.test(structure) ? structure : '',
    cursor: (params.get('cursor') ?? '').trim().slice(0, 300),
  };
}

export function historyApiQuery(filters: HistoryFilters, limit: number): URLSearchParams {
  const query = new URLSearchParams({ as: filters.as, limit: String(limit) });
  if (filters.status) query.set('status', filters.status);
  if (filters.structure) query.set('organisationId', filters.structure);
  if (filters.cursor) query.set('cursor', filters.cursor);
  return query;
}

export function historyHref(filters: Partial<HistoryFilters>): `/prets/historique?${string}` {
  const params = new URLSearchParams(
    Object.entries({ as: 'lender', ...filters }).filter(([, value]) => value !== '' && value !== undefined),
  );
  return `/prets/historique?${params.toString()}`;
}
