import { button, buttons, link, paragraph, quote, type Template } from '../content.ts';
import type { BookingSummary } from '../contract.ts';
import { formatInstant } from '../dates.ts';
import { defineStrings, fr } from '../strings.ts';
import { bookingDetails, bookingTitle, bookingWhen } from './booking-details.ts';

type Kind = BookingSummary['kind'];

const wording = defineStrings({
  fr: {
    subject: (kind: Kind, title: string) =>
      kind === 'item' ? fr`Nouvelle demande de prêt : ${title}` : fr`Nouvelle demande de service : ${title}`,
    intro: (kind: Kind, borrower: string, lender: string) =>
      kind === 'item'
        ? fr`${borrower} souhaite emprunter du matériel prêté par ${lender}.`
        : fr`${borrower} souhaite bénéficier d’un service proposé par ${lender}.`,
    messageLabel: fr`Message joint à la demande :`,
    expires: (deadline: string) => fr`Sans réponse, la demande expirera le ${deadline}.`,
    answerHere: fr`Vous pouvez répondre d’un clic ; une page vous demandera de confirmer.`,
    accept: 'Accepter',
    decline: 'Refuser',
    open: 'Voir la demande',
    openToAnswer: 'Voir la demande et répondre',
    summary: (borrower: string, title: string, when: string | null) =>
      when ? fr`${borrower} demande ${title}, ${when}` : fr`${borrower} demande ${title}`,
  },
  en: {
    subject: (kind: Kind, title: string) =>
      kind === 'item' ? `New loan request: ${title}` : `New service request: ${title}`,
    intro: (kind: Kind, borrower: string, lender: string) =>
      kind === 'item'
        ? `${borrower} would like to borrow items lent by ${lender}.`
        : `${borrower} would like a service offered by ${lender}.`,
    messageLabel: 'Message sent with the request:',
    expires: (deadline: string) => `Without an answer, the request will expire on ${deadline}.`,
    answerHere: 'You can answer in one click; a page will ask you to confirm.',
    accept: 'Accept',
    decline: 'Decline',
    open: 'View the request',
    openToAnswer: 'View the request and answer',
    summary: (borrower: string, title: string, when: string | null) =>
      when ? `${borrower} asks for ${title}, ${when}` : `${borrower} asks for ${title}`,
  },
});

const summarise: Template<'booking.requested'>['summarise'] = ({ booking }, locale) => ({
  text: wording[locale].summary(booking.borrowerName, bookingTitle(booking, locale), bookingWhen(booking, locale)),
  url: booking.url,
});

/** To the lender's members: the request as the borrower sent it, and how to answer it. */
export const bookingRequested: Template<'booking.requested'> = {
  compose(input, locale) {
    const { booking } = input;
    const t = wording[locale];
    const answerButtons = buttons(
      input.acceptUrl ? { label: t.accept, url: input.acceptUrl, style: 'primary' } : null,
      input.declineUrl ? { label: t.decline, url: input.declineUrl, style: 'secondary' } : null,
    );
    return {
      subject: t.subject(booking.kind, bookingTitle(booking, locale)),
      preheader: summarise(input, locale).text,
      blocks: [
        paragraph(t.intro(booking.kind, booking.borrowerName, booking.lenderName)),
        bookingDetails(booking, locale),
        quote(t.messageLabel, input.message),
        input.expiresAt ? paragraph(t.expires(formatInstant(input.expiresAt, locale))) : null,
        ...(answerButtons
          ? [paragraph(t.answerHere), answerButtons, link(t.openToAnswer, booking.url)]
          : [button(t.open, booking.url)]),
      ],
    };
  },
  summarise,
};
