/**
 * How a booking reads: its dates (« du sam. 13 juin au lun. 15 juin 2026 »), its title, the
 * other structure, the tone of its status. Calendar days (`YYYY-MM-DD`) are formatted as they
 * are, never shifted by a time zone; instants (services, events, messages) are told in Paris.
 */
import type { Booking, BookingStatus } from '@mutua/server/contract';
import { plural, type Locale, type Translator } from '../i18n/index.ts';

const intlLocale = (lang: Locale) => (lang === 'fr' ? 'fr-FR' : 'en-GB');
const paris = 'Europe/Paris';

/** A calendar day without its year: « sam. 13 juin » / "Sat 13 June". */
function shortDay(lang: Locale, day: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A calendar day with its weekday and year: « lun. 15 juin 2026 » / "Mon 15 June 2026". */
export function dayWithWeekday(lang: Locale, day: string): string {
  return `${shortDay(lang, day)} ${day.slice(0, 4)}`;
}

/**
 * The days of a loan, both included: « du sam. 13 juin au lun. 15 juin 2026 », the year once when
 * both days share it, « le sam. 13 juin 2026 » for a single day. `capital` starts it with a capital
 * letter, for a line of its own.
 */
export function dateRangeLabel(t: Translator, startDate: string, endDate: string, capital = false): string {
  const text =
    startDate === endDate
      ? t('lending.dates.oneDay', { day: dayWithWeekday(t.lang, startDate) })
      : t('lending.dates.range', {
          from:
            startDate.slice(0, 4) === endDate.slice(0, 4)
              ? shortDay(t.lang, startDate)
              : dayWithWeekday(t.lang, startDate),
          to: dayWithWeekday(t.lang, endDate),
        });
  return capital ? upperFirst(text) : text;
}

/** How many calendar days a loan lasts, both ends included. */
export function loanDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The Paris calendar day of an instant, `YYYY-MM-DD`. */
export function parisDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: paris,
  }).format(new Date(instant));
}

/** The Paris clock time of an instant: « 14:05 ». */
export function parisTime(lang: Locale, instant: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', timeZone: paris }).format(
    new Date(instant),
  );
}

/** An instant as people read it, in Paris: « 13 juin 2026 à 14:05 » / "13 June 2026 at 14:05". */
export function formatInstant(lang: Locale, instant: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: paris,
  }).format(new Date(instant));
}

/** A service's time, in Paris: « le mar. 16 juin 2026, de 14:00 à 16:00 », or from one day to another. */
export function serviceTimeLabel(t: Translator, startsAt: string, endsAt: string, capital = false): string {
  const startDay = parisDay(startsAt);
  const endDay = parisDay(endsAt);
  const text =
    startDay === endDay
      ? t('lending.dates.serviceOneDay', {
          day: dayWithWeekday(t.lang, startDay),
          from: parisTime(t.lang, startsAt),
          to: parisTime(t.lang, endsAt),
        })
      : t('lending.dates.serviceRange', {
          from: t('lending.dates.dayAt', { day: dayWithWeekday(t.lang, startDay), time: parisTime(t.lang, startsAt) }),
          to: t('lending.dates.dayAt', { day: dayWithWeekday(t.lang, endDay), time: parisTime(t.lang, endsAt) }),
        });
  return capital ? upperFirst(text) : text;
}

/** When a booking happens, whatever its kind: the loan's days or the service's time. */
export function bookingWhen(
  t: Translator,
  booking: Pick<Booking, 'startDate' | 'endDate' | 'startsAt' | 'endsAt'>,
  capital = false,
): string {
  if (booking.startDate && booking.endDate) return dateRangeLabel(t, booking.startDate, booking.endDate, capital);
  if (booking.startsAt && booking.endsAt) return serviceTimeLabel(t, booking.startsAt, booking.endsAt, capital);
  return '';
}

/** One line of a loan: « Tonnelle pliante », or « 2 × Chaise pliante » for several units. */
export function lineLabel(t: Translator, line: { title: string; quantity: number }): string {
  return line.quantity > 1
    ? t('lending.card.lineQuantity', { quantity: line.quantity, title: line.title })
    : line.title;
}

/** What a booking is about, in a few words: the service, the one item, or the first item « et 2 autres ». */
export function bookingTitle(t: Translator, booking: Pick<Booking, 'kind' | 'service' | 'lines'>): string {
  if (booking.kind === 'service' || booking.lines.length === 0)
    return booking.service?.title ?? t('lending.booking.kindService');
  const [first, ...others] = booking.lines;
  const title = lineLabel(t, first!);
  return others.length === 0 ? title : plural(t, 'lending.card.moreLines', others.length, { title });
}

/** The structure on the other side of the booking, from where the viewer stands. */
export function otherParty(booking: Pick<Booking, 'viewer' | 'lender' | 'borrower'>) {
  return booking.viewer.role === 'lender' ? booking.borrower : booking.lender;
}

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

/** The tone of a status badge: what waits on someone is a warning, what went wrong is danger. */
export const statusTones = {
  requested: 'warning',
  accepted: 'info',
  declined: 'danger',
  cancelled: 'neutral',
  expired: 'neutral',
  picked_up: 'info',
  returned: 'success',
  done: 'success',
  closed: 'neutral',
} as const satisfies Record<BookingStatus, Tone>;

export const groupStateTones = {
  waiting: 'warning',
  accepted: 'success',
  partly_accepted: 'info',
  refused: 'danger',
  cancelled: 'neutral',
  finished: 'neutral',
} as const satisfies Record<string, Tone>;

/** The calendar file of a booking is worth adding once it will happen: accepted, or under way. */
export function hasCalendarFile(booking: Pick<Booking, 'status'>): boolean {
  return booking.status === 'accepted' || booking.status === 'picked_up';
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
