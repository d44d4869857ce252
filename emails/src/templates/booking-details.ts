import { details, type Block } from '../content.ts';
import type { BookingSummary, EmailLocale } from '../contract.ts';
import { formatClock, formatDayRange, formatSlot } from '../dates.ts';
import { defineStrings, fr } from '../strings.ts';

/** How every booking email names and describes the booking (same words as the app's loan cards). */

const wording = defineStrings({
  fr: {
    line: (quantity: number, title: string) => `${quantity} × ${title}`,
    moreLines: (title: string, others: number) =>
      others === 1 ? `${title} et 1 autre objet` : `${title} et ${others} autres objets`,
    unnamedItems: 'Matériel',
    unnamedService: 'Service',
    itemsLabel: 'Matériel',
    serviceLabel: 'Service',
    whenLabel: 'Quand',
    lenderLabel: (kind: BookingSummary['kind']) => (kind === 'item' ? 'Prêté par' : 'Proposé par'),
    borrowerLabel: 'Pour',
    placeLabel: 'Lieu de retrait',
    hoursLabel: 'Horaires de retrait et de retour',
    hours: (opensAt: string, closesAt: string) => `de ${opensAt} à ${closesAt}`,
    instructionsLabel: 'Indications du prêteur',
    quoted: (title: string) => fr`« ${title} »`,
  },
  en: {
    line: (quantity: number, title: string) => `${quantity} × ${title}`,
    moreLines: (title: string, others: number) =>
      others === 1 ? `${title} and 1 other item` : `${title} and ${others} other items`,
    unnamedItems: 'Items',
    unnamedService: 'Service',
    itemsLabel: 'Items',
    serviceLabel: 'Service',
    whenLabel: 'When',
    lenderLabel: (kind: BookingSummary['kind']) => (kind === 'item' ? 'Lent by' : 'Offered by'),
    borrowerLabel: 'For',
    placeLabel: 'Pickup place',
    hoursLabel: 'Pickup and return hours',
    hours: (opensAt: string, closesAt: string) => `${opensAt} to ${closesAt}`,
    instructionsLabel: 'From the lender',
    quoted: (title: string) => `“${title}”`,
  },
});

/** A short name for the booking: the service, or the first item and how many others. */
export function bookingTitle(booking: BookingSummary, locale: EmailLocale): string {
  const t = wording[locale];
  if (booking.kind === 'service') return booking.serviceTitle ?? t.unnamedService;
  const [first, ...others] = booking.lines;
  if (!first) return t.unnamedItems;
  return others.length === 0 ? first.title : t.moreLines(first.title, others.length);
}

/** The title between quotation marks, for a sentence. */
export function quotedBookingTitle(booking: BookingSummary, locale: EmailLocale): string {
  return wording[locale].quoted(bookingTitle(booking, locale));
}

/** « du mardi 31 mars au jeudi 2 avril 2026 », « le mardi 14 avril 2026, de 9 h 30 à 12 h 00 », or null when the booking has no dates. */
export function bookingWhen(booking: BookingSummary, locale: EmailLocale): string | null {
  if (booking.kind === 'item') {
    return booking.startDate && booking.endDate ? formatDayRange(booking.startDate, booking.endDate, locale) : null;
  }
  return booking.startsAt && booking.endsAt ? formatSlot(booking.startsAt, booking.endsAt, locale) : null;
}

/** What, how many, when, and the two structures. */
export function bookingDetails(booking: BookingSummary, locale: EmailLocale): Block {
  const t = wording[locale];
  const lines = booking.lines.map((line) => t.line(line.quantity, line.title));
  const what =
    booking.kind === 'service'
      ? [{ label: t.serviceLabel, value: booking.serviceTitle ?? t.unnamedService }]
      : lines.length > 0
        ? [{ label: t.itemsLabel, value: lines.length === 1 ? (lines[0] ?? '') : lines }]
        : [];
  const when = bookingWhen(booking, locale);
  return details([
    ...what,
    ...(when ? [{ label: t.whenLabel, value: when }] : []),
    { label: t.lenderLabel(booking.kind), value: booking.lenderName },
    { label: t.borrowerLabel, value: booking.borrowerName },
    ...handoverDetails(booking, locale),
  ]);
}

function handoverDetails(booking: BookingSummary, locale: EmailLocale) {
  const t = wording[locale];
  const handover = booking.handover;
  if (!handover) return [];
  return [
    { label: t.placeLabel, value: handover.place },
    ...(handover.hours
      ? [
          {
            label: t.hoursLabel,
            value: t.hours(formatClock(handover.hours.opensAt, locale), formatClock(handover.hours.closesAt, locale)),
          },
        ]
      : []),
    ...(handover.instructions.trim() ? [{ label: t.instructionsLabel, value: handover.instructions }] : []),
  ];
}
