import { button, type EmailContent, paragraph, quote, type Template } from '../content.ts';
import type { BookingSummary, DeclineReason, EmailInputs, EmailLocale } from '../contract.ts';
import { defineStrings, fr } from '../strings.ts';
import { bookingDetails, bookingTitle, bookingWhen } from './booking-details.ts';

/** The lender's answer to a request, to the borrower: accepted or declined. */

type Kind = BookingSummary['kind'];

const accepted = defineStrings({
  fr: {
    subject: (title: string) => fr`Demande acceptée : ${title}`,
    intro: (kind: Kind, lender: string) =>
      kind === 'item'
        ? fr`Bonne nouvelle : ${lender} a accepté votre demande, le prêt est confirmé.`
        : fr`Bonne nouvelle : ${lender} a accepté votre demande, la réservation est confirmée.`,
    answerLabel: fr`Message joint à la réponse :`,
    open: (kind: Kind) => (kind === 'item' ? 'Voir le prêt' : 'Voir la réservation'),
    summary: (lender: string, title: string, when: string | null) =>
      when
        ? fr`${lender} a accepté votre demande : ${title}, ${when}`
        : fr`${lender} a accepté votre demande : ${title}`,
  },
  en: {
    subject: (title: string) => `Request accepted: ${title}`,
    intro: (kind: Kind, lender: string) =>
      kind === 'item'
        ? `Good news: ${lender} accepted your request, the loan is confirmed.`
        : `Good news: ${lender} accepted your request, the booking is confirmed.`,
    answerLabel: 'Message sent with the answer:',
    open: (kind: Kind) => (kind === 'item' ? 'View the loan' : 'View the booking'),
    summary: (lender: string, title: string, when: string | null) =>
      when ? `${lender} accepted your request: ${title}, ${when}` : `${lender} accepted your request: ${title}`,
  },
});

const summariseAccepted: Template<'booking.accepted'>['summarise'] = ({ booking }, locale) => ({
  text: accepted[locale].summary(booking.lenderName, bookingTitle(booking, locale), bookingWhen(booking, locale)),
  url: booking.url,
});

export const bookingAccepted: Template<'booking.accepted'> = {
  compose(input, locale) {
    const { booking } = input;
    const t = accepted[locale];
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: summariseAccepted(input, locale).text,
      blocks: [
        paragraph(t.intro(booking.kind, booking.lenderName)),
        bookingDetails(booking, locale),
        quote(t.answerLabel, input.answer),
        button(t.open(booking.kind), booking.url),
      ],
    };
  },
  summarise: summariseAccepted,
};

const declined = defineStrings({
  fr: {
    subject: (title: string) => fr`Demande non acceptée : ${title}`,
    intro: (lender: string) => fr`${lender} ne peut pas donner suite à votre demande.`,
    datesTaken: fr`Le matériel n’est plus libre à ces dates : une autre demande vient d’être acceptée.`,
    slotTaken: fr`Ce créneau n’est plus libre : une autre demande vient d’être acceptée.`,
    lenderReasonLabel: fr`Motif indiqué :`,
    elsewhere: (kind: Kind) =>
      kind === 'item'
        ? 'D’autres structures du réseau prêtent peut-être le même matériel, ou à d’autres dates.'
        : 'D’autres structures du réseau proposent peut-être un service proche, ou un autre créneau.',
    open: 'Voir la demande',
    summary: (lender: string, title: string) => fr`${lender} ne peut pas donner suite à votre demande : ${title}`,
  },
  en: {
    subject: (title: string) => `Request not accepted: ${title}`,
    intro: (lender: string) => `${lender} cannot take your request forward.`,
    datesTaken: 'The items are no longer free on these dates: another request has just been accepted.',
    slotTaken: 'This slot is no longer free: another request has just been accepted.',
    lenderReasonLabel: 'Reason given:',
    elsewhere: (kind: Kind) =>
      kind === 'item'
        ? 'Other structures in the network may lend the same items, or on other dates.'
        : 'Other structures in the network may offer a similar service, or another slot.',
    open: 'View the request',
    summary: (lender: string, title: string) => `${lender} cannot take your request forward: ${title}`,
  },
});

/**
 * A request closed because one side was suspended: nobody answered it, so it is told as a fact
 * to each side, the suspended one about itself and the other without a word of blame.
 */
const closed = defineStrings({
  fr: {
    subject: (title: string) => fr`Demande close : ${title}`,
    ownSuspendedAsking: (lender: string) =>
      fr`Votre structure n’est plus active sur Mutua : votre demande à ${lender} est close.`,
    ownSuspendedAsked: (borrower: string) =>
      fr`Votre structure n’est plus active sur Mutua : la demande de ${borrower} est close.`,
    askingSuspended: (borrower: string) =>
      fr`La structure qui vous a fait cette demande, ${borrower}, n’est plus active sur Mutua : sa demande est close. Vous n’avez rien à faire.`,
    askedSuspended: (lender: string) =>
      fr`La structure à laquelle vous avez fait cette demande, ${lender}, n’est plus active sur Mutua : votre demande est close.`,
    requesterSuspendedAsking: (lender: string) =>
      fr`La personne qui a fait cette demande pour votre structure a été suspendue par le réseau : votre demande à ${lender} est close.`,
    requesterSuspendedAsked: (borrower: string) =>
      fr`La personne qui a fait la demande a été suspendue par le réseau : la demande de ${borrower} est close. Vous n’avez rien à faire.`,
    askAgain: fr`Si votre structure en a toujours besoin, une autre personne de la structure peut refaire la demande.`,
    askNetwork: 'Pour en savoir plus, écrivez à l’équipe de votre réseau.',
    summary: (title: string, other: string) => fr`Demande close : ${title}, avec ${other}`,
  },
  en: {
    subject: (title: string) => `Request closed: ${title}`,
    ownSuspendedAsking: (lender: string) =>
      `Your structure is no longer active on Mutua: your request to ${lender} is closed.`,
    ownSuspendedAsked: (borrower: string) =>
      `Your structure is no longer active on Mutua: the request from ${borrower} is closed.`,
    askingSuspended: (borrower: string) =>
      `${borrower}, the structure that made this request, is no longer active on Mutua: its request is closed. There is nothing for you to do.`,
    askedSuspended: (lender: string) =>
      `${lender}, the structure you made this request to, is no longer active on Mutua: your request is closed.`,
    requesterSuspendedAsking: (lender: string) =>
      `The person who made this request for your structure was suspended by the network: your request to ${lender} is closed.`,
    requesterSuspendedAsked: (borrower: string) =>
      `The person who made the request was suspended by the network: the request from ${borrower} is closed. There is nothing for you to do.`,
    askAgain: 'If your structure still needs it, someone else in the structure can make the request again.',
    askNetwork: 'To find out more, write to your network’s team.',
    summary: (title: string, other: string) => `Request closed: ${title}, with ${other}`,
  },
});

type Input = EmailInputs['booking.declined'];

const bySuspension = (reason: DeclineReason) =>
  reason.code === 'borrower_suspended' || reason.code === 'lender_suspended' || reason.code === 'requester_suspended';

/** The other side, for the reader. */
const otherName = ({ booking, side }: Input) => (side === 'lender' ? booking.borrowerName : booking.lenderName);

const summariseDeclined: Template<'booking.declined'>['summarise'] = (input, locale) => {
  const title = bookingTitle(input.booking, locale);
  return {
    text: bySuspension(input.reason)
      ? closed[locale].summary(title, otherName(input))
      : declined[locale].summary(input.booking.lenderName, title),
    url: input.booking.url,
  };
};

export const bookingDeclined: Template<'booking.declined'> = {
  compose(input, locale) {
    if (bySuspension(input.reason)) return composeClosed(input, locale);
    const { booking, reason } = input;
    const t = declined[locale];
    return {
      subject: t.subject(bookingTitle(booking, locale)),
      preheader: summariseDeclined(input, locale).text,
      blocks: [
        paragraph(t.intro(booking.lenderName)),
        phraseReason(reason, t),
        bookingDetails(booking, locale),
        paragraph(t.elsewhere(booking.kind)),
        button(t.open, booking.url),
      ],
    };
  },
  summarise: summariseDeclined,
};

function composeClosed(input: Input, locale: EmailLocale): EmailContent {
  const { booking, reason, side } = input;
  const t = closed[locale];
  // The reader's own structure was suspended (a person's suspension leaves their structure active).
  const ownSuspended =
    reason.code !== 'requester_suspended' && (reason.code === 'borrower_suspended') === (side === 'borrower');
  return {
    subject: t.subject(bookingTitle(booking, locale)),
    preheader: summariseDeclined(input, locale).text,
    blocks: [
      paragraph(closedIntro(input, t)),
      bookingDetails(booking, locale),
      ownSuspended ? paragraph(t.askNetwork) : null,
      reason.code === 'requester_suspended' && side === 'borrower' ? paragraph(t.askAgain) : null,
      // The borrower still needs the thing: others may lend it.
      !ownSuspended && side === 'borrower' ? paragraph(declined[locale].elsewhere(booking.kind)) : null,
      button(declined[locale].open, booking.url),
    ],
  };
}

function closedIntro({ booking, reason, side }: Input, t: (typeof closed)['fr']): string {
  switch (reason.code) {
    case 'borrower_suspended':
      return side === 'borrower' ? t.ownSuspendedAsking(booking.lenderName) : t.askingSuspended(booking.borrowerName);
    case 'requester_suspended':
      return side === 'borrower'
        ? t.requesterSuspendedAsking(booking.lenderName)
        : t.requesterSuspendedAsked(booking.borrowerName);
    default:
      return side === 'lender' ? t.ownSuspendedAsked(booking.borrowerName) : t.askedSuspended(booking.lenderName);
  }
}

function phraseReason(reason: DeclineReason, t: (typeof declined)['fr']) {
  switch (reason.code) {
    case 'dates_taken':
      return paragraph(t.datesTaken);
    case 'slot_taken':
      return paragraph(t.slotTaken);
    case 'lender':
      return quote(t.lenderReasonLabel, reason.text);
    default:
      return null;
  }
}
