import { button, paragraph, quote, type Template } from '../content.ts';
import type { BookingSummary, EmailLocale } from '../contract.ts';
import { defineStrings, fr } from '../strings.ts';
import { bookingDetails, bookingTitle, quotedBookingTitle } from './booking-details.ts';

/** What happens to a booking after the request, told to the other side: cancelled, expired, a new message. */

type Kind = BookingSummary['kind'];
type Side = 'lender' | 'borrower';

const cancelled = defineStrings({
  fr: {
    subject: (title: string) => fr`Annulation : ${title}`,
    byLender: (kind: Kind, lender: string) =>
      kind === 'item' ? fr`${lender} a annulé le prêt.` : fr`${lender} a annulé la réservation.`,
    byBorrower: (borrower: string) => fr`${borrower} a annulé sa demande.`,
    freedAgain: (kind: Kind) =>
      kind === 'item' ? 'Le matériel est de nouveau disponible à ces dates.' : 'Ce créneau est de nouveau libre.',
    reasonLabel: fr`Motif indiqué :`,
    open: 'Voir la demande',
    summary: (who: string, title: string) => fr`${who} a annulé : ${title}`,
  },
  en: {
    subject: (title: string) => `Cancelled: ${title}`,
    byLender: (kind: Kind, lender: string) =>
      kind === 'item' ? `${lender} cancelled the loan.` : `${lender} cancelled the booking.`,
    byBorrower: (borrower: string) => `${borrower} cancelled their request.`,
    freedAgain: (kind: Kind) =>
      kind === 'item' ? 'The items are free again on these dates.' : 'This slot is free again.',
    reasonLabel: 'Reason given:',
    open: 'View the request',
    summary: (who: string, title: string) => `${who} cancelled: ${title}`,
  },
});

const summariseCancelled: Template<'booking.cancelled'>['summarise'] = ({ booking, by }, locale) => ({
  text: cancelled[locale].summary(
    by === 'lender' ? booking.lenderName : booking.borrowerName,
    bookingTitle(booking, locale),
  ),
  url: booking.url,
});

export const bookingCancelled: Template<'booking.cancelled'> = {
  compose(input, locale) {
    const { booking, by } = input;
    const t = cancelled[locale];
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: summariseCancelled(input, locale).text,
      blocks: [
        paragraph(by === 'lender' ? t.byLender(booking.kind, booking.lenderName) : t.byBorrower(booking.borrowerName)),
        quote(t.reasonLabel, input.reason),
        bookingDetails(booking, locale),
        // Only the lender gets something back: their dates.
        by === 'borrower' ? paragraph(t.freedAgain(booking.kind)) : null,
        button(t.open, booking.url),
      ],
    };
  },
  summarise: summariseCancelled,
};

const expired = defineStrings({
  fr: {
    subject: (title: string) => fr`Demande expirée : ${title}`,
    toLender: (borrower: string) =>
      fr`La demande envoyée par ${borrower} a expiré : elle est restée sans réponse jusqu’à sa date limite.`,
    toBorrower: fr`Votre demande a expiré : elle est restée sans réponse jusqu’à sa date limite.`,
    nextForLender:
      'Rien n’a été réservé. La structure peut vous envoyer une nouvelle demande si elle en a toujours besoin.',
    nextForBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'Vous pouvez refaire une demande, ou chercher le même matériel auprès d’une autre structure du réseau.'
        : 'Vous pouvez refaire une demande, ou chercher un service proche auprès d’une autre structure du réseau.',
    open: 'Voir la demande',
    summaryLender: (borrower: string, title: string) => fr`Demande expirée sans réponse (${borrower}) : ${title}`,
    summaryBorrower: (title: string) => fr`Votre demande a expiré sans réponse : ${title}`,
  },
  en: {
    subject: (title: string) => `Request expired: ${title}`,
    toLender: (borrower: string) => `The request sent by ${borrower} has expired: it had no answer by its deadline.`,
    toBorrower: 'Your request has expired: it had no answer by its deadline.',
    nextForLender: 'Nothing was booked. The structure can send you a new request if it still needs it.',
    nextForBorrower: (kind: Kind) =>
      kind === 'item'
        ? 'You can send a new request, or look for the same items from another structure in the network.'
        : 'You can send a new request, or look for a similar service from another structure in the network.',
    open: 'View the request',
    summaryLender: (borrower: string, title: string) => `Request expired without an answer (${borrower}): ${title}`,
    summaryBorrower: (title: string) => `Your request expired without an answer: ${title}`,
  },
});

function summariseExpiredFor(side: Side, booking: BookingSummary, locale: EmailLocale) {
  const t = expired[locale];
  const title = bookingTitle(booking, locale);
  return {
    text: side === 'lender' ? t.summaryLender(booking.borrowerName, title) : t.summaryBorrower(title),
    url: booking.url,
  };
}

export const bookingExpired: Template<'booking.expired'> = {
  compose({ booking, side }, locale) {
    const t = expired[locale];
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: summariseExpiredFor(side, booking, locale).text,
      blocks: [
        paragraph(side === 'lender' ? t.toLender(booking.borrowerName) : t.toBorrower),
        bookingDetails(booking, locale),
        paragraph(side === 'lender' ? t.nextForLender : t.nextForBorrower(booking.kind)),
        button(t.open, booking.url),
      ],
    };
  },
  summarise: ({ booking, side }, locale) => summariseExpiredFor(side, booking, locale),
};

const message = defineStrings({
  fr: {
    subject: (title: string) => fr`Nouveau message : ${title}`,
    intro: (quotedTitle: string) => `Vous avez un nouveau message au sujet de la demande ${quotedTitle}.`,
    authorLabel: (author: string, organisation: string) => fr`${author} (${organisation}) :`,
    reply: 'Répondre',
    summary: (author: string, organisation: string, title: string) =>
      fr`${author} (${organisation}) vous a écrit : ${title}`,
  },
  en: {
    subject: (title: string) => `New message: ${title}`,
    intro: (quotedTitle: string) => `You have a new message about the request ${quotedTitle}.`,
    authorLabel: (author: string, organisation: string) => `${author} (${organisation}):`,
    reply: 'Reply',
    summary: (author: string, organisation: string, title: string) =>
      `${author} (${organisation}) wrote to you: ${title}`,
  },
});

const summariseMessage: Template<'booking.message'>['summarise'] = (
  { booking, authorName, authorOrganisationName },
  locale,
) => ({
  text: message[locale].summary(authorName, authorOrganisationName, bookingTitle(booking, locale)),
  url: booking.url,
});

export const bookingMessage: Template<'booking.message'> = {
  compose(input, locale) {
    const { booking } = input;
    const t = message[locale];
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: summariseMessage(input, locale).text,
      blocks: [
        paragraph(t.intro(quotedBookingTitle(booking, locale))),
        quote(t.authorLabel(input.authorName, input.authorOrganisationName), input.body),
        button(t.reply, booking.url),
      ],
    };
  },
  summarise: summariseMessage,
};
