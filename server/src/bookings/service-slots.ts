import type { ServiceSlot } from '../domain/bookings.ts';
import { isoWeekday, parisClockOf, parisDayOf } from '../domain/calendar-days.ts';

const weekdayNames = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/**
 * Whether a requested time fits the service: inside one of its weekly slots (Paris time, within
 * one day), or anywhere when it also takes requests « sur demande ».
 */
export function serviceSlotBreach(slots: ServiceSlot[], onRequest: boolean, startsAt: Date, endsAt: Date) {
  const day = parisDayOf(startsAt);
  const fits = slots.some(
    (slot) =>
      slot.weekday === isoWeekday(day) &&
      parisDayOf(endsAt) === day &&
      slot.startsAt <= parisClockOf(startsAt) &&
      parisClockOf(endsAt) <= slot.endsAt &&
      parisClockOf(endsAt) !== '00:00',
  );
  if (fits || onRequest || slots.length === 0) return null;
  const offered = slots.map((slot) => `${weekdayNames[slot.weekday - 1]} ${slot.startsAt}–${slot.endsAt}`).join(', ');
  return { field: 'startsAt', rule: 'slot', message: `Ce service se réserve sur ses créneaux : ${offered}.` };
}
