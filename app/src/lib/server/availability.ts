/** An item's month of availability, for its page's calendar (see lib/bookings/calendar). */
import type { Availability, ItemDetail } from '@mutua/server/contract';
import { monthOf } from '$lib/bookings/calendar/month';
import { daysToLoad, monthToShow, selectionFromUrl, unitsFromUrl } from '$lib/bookings/calendar/selection';
import { segment } from './api';
import { bookableWindow } from './borrowing';

type CalendarItem = Pick<ItemDetail, 'id' | 'quantity' | 'minNoticeDays' | 'horizonDays' | 'bufferDays'>;

/** The calendar of an item page: the month of `?mois=` (or of the chosen dates), its days, the dates chosen. */
export async function loadCalendar(locals: App.Locals, item: CalendarItem, params: URLSearchParams) {
  const window = bookableWindow(item);
  const selection = selectionFromUrl(params);
  const wanted = unitsFromUrl(params, item.quantity);
  const month = monthToShow(params, selection, window);
  const { from, to } = daysToLoad(month, selection, item.bufferDays);
  const query = new URLSearchParams({ from, to, quantity: String(wanted) });
  const availability = await locals.api.get<Availability>(`/api/items/${segment(item.id)}/availability?${query}`);
  return {
    month,
    bounds: { earliest: monthOf(window.today), latest: monthOf(window.lastBookableDay) },
    window,
    selection,
    wanted,
    availability: availability.ok ? availability.data : null,
  };
}
