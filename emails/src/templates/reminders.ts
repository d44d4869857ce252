import { button, paragraph, type Template } from '../content.ts';
import type { BookingSummary, EmailLocale } from '../contract.ts';
import { formatDay, formatInstant } from '../dates.ts';
import { defineStrings, fr } from '../strings.ts';
import { bookingDetails, bookingTitle } from './booking-details.ts';

/**
 * Reminders name the actual day (« Retrait prévu le mardi 31 mars 2026 »), never « demain »:
 * a reminder held by an outage or a digest may be read later than planned.
 */

type Kind = BookingSummary['kind'];

/** The first or last day of a loan, or the start or end of a service; reminders are only planned for bookings that have them. */
function momentOf(booking: BookingSummary, edge: 'start' | 'end', locale: EmailLocale): string {
  if (booking.kind === 'item') {
    const day = edge === 'start' ? booking.startDate : booking.endDate;
    if (day) return formatDay(day, locale);
  } else {
    const instant = edge === 'start' ? booking.startsAt : booking.endsAt;
    if (instant) return formatInstant(instant, locale);
  }
  throw new Error(`A reminder needs the booking's ${edge} (booking ${booking.id})`);
}

const pickup = defineStrings({
  fr: {
    headline: (kind: Kind, when: string) =>
      kind === 'item' ? `Retrait prévu le ${when}` : `Prestation prévue le ${when}`,
    subject: (headline: string, title: string) => fr`${headline} : ${title}`,
    toBorrower: (kind: Kind, headline: string, lender: string) =>
      kind === 'item' ? `${headline}, chez ${lender}.` : `${headline}, avec ${lender}.`,
    toLender: (kind: Kind, headline: string, borrower: string) =>
      kind === 'item'
        ? fr`${headline} : ${borrower} vient chercher le matériel.`
        : fr`${headline} : vous intervenez pour ${borrower}.`,
    adviceBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'Si l’heure du retrait n’est pas encore fixée, écrivez à la structure depuis le prêt.'
        : 'Pour tout changement, écrivez à la structure depuis la réservation.',
    adviceLender: (kind: Kind) =>
      kind === 'item'
        ? 'Pensez à préparer le matériel, et la caution s’il y en a une.'
        : 'Pour tout changement, écrivez à la structure depuis la réservation.',
    open: (kind: Kind) => (kind === 'item' ? 'Voir le prêt' : 'Voir la réservation'),
  },
  en: {
    headline: (kind: Kind, when: string) =>
      kind === 'item' ? `Pickup planned on ${when}` : `Service planned on ${when}`,
    subject: (headline: string, title: string) => `${headline}: ${title}`,
    toBorrower: (kind: Kind, headline: string, lender: string) =>
      kind === 'item' ? `${headline}, at ${lender}.` : `${headline}, with ${lender}.`,
    toLender: (kind: Kind, headline: string, borrower: string) =>
      kind === 'item'
        ? `${headline}: ${borrower} is coming to collect the items.`
        : `${headline}: you are working with ${borrower}.`,
    adviceBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'If the pickup time is not set yet, write to the structure from the loan page.'
        : 'For any change, write to the structure from the booking page.',
    adviceLender: (kind: Kind) =>
      kind === 'item'
        ? 'Remember to get the items ready, and the deposit if there is one.'
        : 'For any change, write to the structure from the booking page.',
    open: (kind: Kind) => (kind === 'item' ? 'View the loan' : 'View the booking'),
  },
});

type DayBeforeStrings = (typeof pickup)[EmailLocale];

/** A reminder of the day something happens (a pickup, a return): the same shape, its own words. */
function dayBeforeReminder<K extends 'reminder.pickup' | 'reminder.return'>(
  strings: Record<EmailLocale, DayBeforeStrings>,
  edge: 'start' | 'end',
): Template<K> {
  const headlineOf = (booking: BookingSummary, locale: EmailLocale) =>
    strings[locale].headline(booking.kind, momentOf(booking, edge, locale));
  return {
    compose({ booking, side }, locale) {
      const t = strings[locale];
      const headline = headlineOf(booking, locale);
      const sentence =
        side === 'lender'
          ? t.toLender(booking.kind, headline, booking.borrowerName)
          : t.toBorrower(booking.kind, headline, booking.lenderName);
      return {
        subject: t.subject(headline, bookingTitle(booking, locale)),
        preheader: sentence,
        blocks: [
          paragraph(sentence),
          bookingDetails(booking, locale),
          paragraph(side === 'lender' ? t.adviceLender(booking.kind) : t.adviceBorrower(booking.kind)),
          button(t.open(booking.kind), booking.url),
        ],
      };
    },
    summarise: ({ booking }, locale) => ({
      text: strings[locale].subject(headlineOf(booking, locale), bookingTitle(booking, locale)),
      url: booking.url,
    }),
  };
}

export const reminderPickup = dayBeforeReminder<'reminder.pickup'>(pickup, 'start');

const giveBack = defineStrings({
  fr: {
    headline: (kind: Kind, when: string) =>
      kind === 'item' ? `Retour prévu le ${when}` : `Fin de la prestation prévue le ${when}`,
    subject: (headline: string, title: string) => fr`${headline} : ${title}`,
    toBorrower: (kind: Kind, headline: string, lender: string) =>
      kind === 'item' ? `${headline}, chez ${lender}.` : `${headline}, avec ${lender}.`,
    toLender: (kind: Kind, headline: string, borrower: string) =>
      kind === 'item' ? fr`${headline} : ${borrower} vous rend le matériel.` : fr`${headline}, pour ${borrower}.`,
    adviceBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'Merci de rendre le matériel complet et propre. En cas de souci, prévenez la structure depuis le prêt.'
        : 'En cas de souci, prévenez la structure depuis la réservation.',
    adviceLender: (kind: Kind) =>
      kind === 'item'
        ? 'Au retour, vérifiez le matériel et notez son état sur le prêt.'
        : 'Une fois la prestation réalisée, marquez-la comme telle sur la réservation.',
    open: (kind: Kind) => (kind === 'item' ? 'Voir le prêt' : 'Voir la réservation'),
  },
  en: {
    headline: (kind: Kind, when: string) =>
      kind === 'item' ? `Return planned on ${when}` : `Service planned to end on ${when}`,
    subject: (headline: string, title: string) => `${headline}: ${title}`,
    toBorrower: (kind: Kind, headline: string, lender: string) =>
      kind === 'item' ? `${headline}, at ${lender}.` : `${headline}, with ${lender}.`,
    toLender: (kind: Kind, headline: string, borrower: string) =>
      kind === 'item' ? `${headline}: ${borrower} is bringing the items back.` : `${headline}, for ${borrower}.`,
    adviceBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'Please bring the items back complete and clean. If anything is wrong, let the structure know from the loan page.'
        : 'If anything is wrong, let the structure know from the booking page.',
    adviceLender: (kind: Kind) =>
      kind === 'item'
        ? 'When they come back, check the items and note their condition on the loan.'
        : 'Once the service is done, mark it as done on the booking.',
    open: (kind: Kind) => (kind === 'item' ? 'View the loan' : 'View the booking'),
  },
});

export const reminderReturn = dayBeforeReminder<'reminder.return'>(giveBack, 'end');

const overdue = defineStrings({
  fr: {
    subject: (title: string) => fr`Retour en retard : ${title}`,
    late: (days: number) => (days <= 1 ? '1 jour de retard' : `${days} jours de retard`),
    planned: (kind: Kind, when: string, late: string) =>
      kind === 'item'
        ? `Le retour était prévu le ${when} (${late}).`
        : `La prestation devait se terminer le ${when} (${late}).`,
    toBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'Merci de rendre le matériel dès que possible, ou d’écrire à la structure pour convenir d’une date.'
        : 'Si elle est réalisée, la structure qui l’a proposée peut la marquer comme telle.',
    toLender: (kind: Kind, borrower: string) =>
      kind === 'item'
        ? fr`${borrower} n’a pas encore rendu le matériel. Vous pouvez lui écrire depuis le prêt ; s’il vous a déjà été rendu, marquez le prêt comme rendu.`
        : `Si la prestation pour ${borrower} est réalisée, marquez-la comme telle sur la réservation.`,
    open: (kind: Kind) => (kind === 'item' ? 'Voir le prêt' : 'Voir la réservation'),
    summary: (title: string, late: string) => fr`Retour en retard (${late}) : ${title}`,
  },
  en: {
    subject: (title: string) => `Overdue return: ${title}`,
    late: (days: number) => (days <= 1 ? '1 day late' : `${days} days late`),
    planned: (kind: Kind, when: string, late: string) =>
      kind === 'item'
        ? `The return was planned on ${when} (${late}).`
        : `The service was planned to end on ${when} (${late}).`,
    toBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'Please bring the items back as soon as you can, or write to the structure to agree on a date.'
        : 'If it is done, the structure that offered it can mark it as done.',
    toLender: (kind: Kind, borrower: string) =>
      kind === 'item'
        ? `${borrower} has not brought the items back yet. You can write to them from the loan page; if they are already back, mark the loan as returned.`
        : `If the service for ${borrower} is done, mark it as done on the booking.`,
    open: (kind: Kind) => (kind === 'item' ? 'View the loan' : 'View the booking'),
    summary: (title: string, late: string) => `Overdue return (${late}): ${title}`,
  },
});

export const reminderOverdue: Template<'reminder.overdue'> = {
  compose({ booking, side, daysLate }, locale) {
    const t = overdue[locale];
    const planned = t.planned(booking.kind, momentOf(booking, 'end', locale), t.late(daysLate));
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: planned,
      blocks: [
        paragraph(planned),
        paragraph(side === 'lender' ? t.toLender(booking.kind, booking.borrowerName) : t.toBorrower(booking.kind)),
        bookingDetails(booking, locale),
        button(t.open(booking.kind), booking.url),
      ],
    };
  },
  summarise: ({ booking, daysLate }, locale) => ({
    text: overdue[locale].summary(bookingTitle(booking, locale), overdue[locale].late(daysLate)),
    url: booking.url,
  }),
};

const answerDue = defineStrings({
  fr: {
    subject: (title: string) => fr`Demande en attente de votre réponse : ${title}`,
    intro: (borrower: string, deadline: string) =>
      `La demande envoyée par ${borrower} attend votre réponse. Sans réponse, elle expirera le ${deadline}.`,
    answer: 'Répondre à la demande',
    summary: (borrower: string, title: string, deadline: string) =>
      fr`À répondre avant le ${deadline} (${borrower}) : ${title}`,
  },
  en: {
    subject: (title: string) => `Request waiting for your answer: ${title}`,
    intro: (borrower: string, deadline: string) =>
      `The request sent by ${borrower} is waiting for your answer. Without one, it will expire on ${deadline}.`,
    answer: 'Answer the request',
    summary: (borrower: string, title: string, deadline: string) =>
      `To answer before ${deadline} (${borrower}): ${title}`,
  },
});

export const reminderAnswerDue: Template<'reminder.answer_due'> = {
  compose({ booking, expiresAt }, locale) {
    const t = answerDue[locale];
    const intro = t.intro(booking.borrowerName, formatInstant(expiresAt, locale));
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: intro,
      blocks: [paragraph(intro), bookingDetails(booking, locale), button(t.answer, booking.url)],
    };
  },
  summarise: ({ booking, expiresAt }, locale) => ({
    text: answerDue[locale].summary(
      booking.borrowerName,
      bookingTitle(booking, locale),
      formatInstant(expiresAt, locale),
    ),
    url: booking.url,
  }),
};

const requestExpiring = defineStrings({
  fr: {
    subject: (title: string) => fr`Toujours sans réponse : ${title}`,
    intro: (deadline: string) =>
      `Votre demande n’a pas encore reçu de réponse. Sans réponse, elle expirera le ${deadline}.`,
    advice:
      'Vous pouvez écrire à la structure depuis la demande, ou chercher en parallèle auprès d’autres structures du réseau.',
    open: 'Voir la demande',
    summary: (title: string, deadline: string) => fr`Sans réponse, votre demande expirera le ${deadline} : ${title}`,
  },
  en: {
    subject: (title: string) => `Still no answer: ${title}`,
    intro: (deadline: string) => `Your request has no answer yet. Without one, it will expire on ${deadline}.`,
    advice:
      'You can write to the structure from the request page, or look at other structures in the network meanwhile.',
    open: 'View the request',
    summary: (title: string, deadline: string) =>
      `Without an answer, your request will expire on ${deadline}: ${title}`,
  },
});

export const reminderRequestExpiring: Template<'reminder.request_expiring'> = {
  compose({ booking, expiresAt }, locale) {
    const t = requestExpiring[locale];
    const intro = t.intro(formatInstant(expiresAt, locale));
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: intro,
      blocks: [paragraph(intro), bookingDetails(booking, locale), paragraph(t.advice), button(t.open, booking.url)],
    };
  },
  summarise: ({ booking, expiresAt }, locale) => ({
    text: requestExpiring[locale].summary(bookingTitle(booking, locale), formatInstant(expiresAt, locale)),
    url: booking.url,
  }),
};
