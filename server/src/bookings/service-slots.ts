import { weekdayNames } from '../availability/rules.ts';
import type { ServiceSlot } from '../domain/bookings.ts';
import { addDays, isoWeekday, parisClockOf, parisDayOf } from '../domain/calendar-days.ts';
import type { ErrorDetail } from '../domain/errors.ts';

/** A service is booked at most this far ahead, like an item's default horizon stretched to a year. */
export const serviceHorizonDays = 365;

/**
 * Whether a requested time fits the service: within one Paris day and the year ahead, and inside
 * one of its weekly slots (Paris time) — or anywhere when it takes requests « sur demande ».
 */
export function serviceSlotBreach(
  slots: ServiceSlot[],
  onRequest: boolean,
  startsAt: Date,
  endsAt: Date,
  today: string,
): ErrorDetail | null {
  const day = parisDayOf(startsAt);
  const [endDay, startClock, endClock] = [parisDayOf(endsAt), parisClockOf(startsAt), parisClockOf(endsAt)];
  const endsOnSameDay = endDay === day || (endDay === addDays(day, 1) && endClock === '00:00');
  if (!endsOnSameDay)
    return {
      path: 'endsAt',
      code: 'same_day',
      message: 'Un créneau commence et finit le même jour : pour plusieurs jours, faites une demande par jour.',
    };
  if (day > addDays(today, serviceHorizonDays)) {
    return {
      path: 'startsAt',
      code: 'horizon',
      message: `On réserve un service au plus ${serviceHorizonDays} jours à l’avance.`,
    };
  }
  if (onRequest) return null;
  if (slots.length === 0)
    return {
      path: 'startsAt',
      code: 'slot',
      message: 'Ce service ne prend pas de réservation en ce moment : écrivez à la structure qui le propose.',
    };
  const fits = slots.some(
    (slot) =>
      slot.weekday === isoWeekday(day) &&
      endDay === day &&
      slot.startsAt <= startClock &&
      endClock <= slot.endsAt &&
      endClock !== '00:00',
  );
  if (fits) return null;
  const offered = slots.map((slot) => `${weekdayNames[slot.weekday - 1]} ${slot.startsAt}–${slot.endsAt}`).join(', ');
  return { path: 'startsAt', code: 'slot', message: `Ce service se réserve sur ses créneaux : ${offered}.` };
}
