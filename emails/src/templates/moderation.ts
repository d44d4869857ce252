import { button, details, paragraph, quote, type Template } from '../content.ts';
import type { EmailInputs } from '../contract.ts';
import { defineStrings, fr } from '../strings.ts';

/** The network's moderation: its decisions on a listing (to the structure), and reports (to the admins). */

const approved = defineStrings({
  fr: {
    subject: (listing: string) => fr`Annonce en ligne : ${listing}`,
    intro: (listing: string) =>
      fr`Le réseau a validé votre annonce « ${listing} » : elle est maintenant visible dans le catalogue.`,
    open: 'Voir l’annonce',
    summary: (listing: string) => fr`Annonce validée et en ligne : ${listing}`,
  },
  en: {
    subject: (listing: string) => `Listing published: ${listing}`,
    intro: (listing: string) => `The network approved your listing “${listing}”: it is now visible in the catalogue.`,
    open: 'View the listing',
    summary: (listing: string) => `Listing approved and published: ${listing}`,
  },
});

export const listingApproved: Template<'listing.approved'> = {
  compose({ listingTitle, url }, locale) {
    const t = approved[locale];
    return {
      subject: t.subject(listingTitle),
      preheader: t.intro(listingTitle),
      blocks: [paragraph(t.intro(listingTitle)), button(t.open, url)],
    };
  },
  summarise: ({ listingTitle, url }, locale) => ({ text: approved[locale].summary(listingTitle), url }),
};

const changesRequested = defineStrings({
  fr: {
    subject: (listing: string) => fr`Modifications demandées : ${listing}`,
    intro: (listing: string) =>
      fr`Avant de publier votre annonce « ${listing} », le réseau vous demande quelques modifications.`,
    messageLabel: fr`Message du réseau :`,
    next: 'Une fois modifiée, l’annonce sera de nouveau examinée.',
    edit: 'Modifier l’annonce',
    summary: (listing: string) => fr`Modifications demandées avant publication : ${listing}`,
  },
  en: {
    subject: (listing: string) => `Changes requested: ${listing}`,
    intro: (listing: string) => `Before publishing your listing “${listing}”, the network asks for a few changes.`,
    messageLabel: 'Message from the network:',
    next: 'Once changed, the listing will be reviewed again.',
    edit: 'Edit the listing',
    summary: (listing: string) => `Changes requested before publication: ${listing}`,
  },
});

export const listingChangesRequested: Template<'listing.changes_requested'> = {
  compose({ listingTitle, message, url }, locale) {
    const t = changesRequested[locale];
    return {
      subject: t.subject(listingTitle),
      preheader: t.intro(listingTitle),
      blocks: [
        paragraph(t.intro(listingTitle)),
        quote(t.messageLabel, message),
        paragraph(t.next),
        button(t.edit, url),
      ],
    };
  },
  summarise: ({ listingTitle, url }, locale) => ({ text: changesRequested[locale].summary(listingTitle), url }),
};

const hidden = defineStrings({
  fr: {
    subject: (listing: string) => fr`Annonce masquée : ${listing}`,
    intro: (listing: string) =>
      fr`Le réseau a masqué votre annonce « ${listing} » : elle n’apparaît plus dans le catalogue.`,
    reasonLabel: fr`Motif indiqué :`,
    next: 'Vous pouvez la modifier, ou écrire au réseau pour en parler.',
    open: 'Voir l’annonce',
    summary: (listing: string) => fr`Annonce masquée par le réseau : ${listing}`,
  },
  en: {
    subject: (listing: string) => `Listing hidden: ${listing}`,
    intro: (listing: string) => `The network hid your listing “${listing}”: it no longer appears in the catalogue.`,
    reasonLabel: 'Reason given:',
    next: 'You can edit it, or write to the network to talk about it.',
    open: 'View the listing',
    summary: (listing: string) => `Listing hidden by the network: ${listing}`,
  },
});

export const listingHidden: Template<'listing.hidden'> = {
  compose({ listingTitle, reason, url }, locale) {
    const t = hidden[locale];
    return {
      subject: t.subject(listingTitle),
      preheader: t.intro(listingTitle),
      blocks: [paragraph(t.intro(listingTitle)), quote(t.reasonLabel, reason), paragraph(t.next), button(t.open, url)],
    };
  },
  summarise: ({ listingTitle, url }, locale) => ({ text: hidden[locale].summary(listingTitle), url }),
};

type Reported = EmailInputs['report.received']['subject'];
type ReportReason = EmailInputs['report.received']['reasonCode'];

const report = defineStrings({
  fr: {
    reported: { listing: 'annonce', message: 'message', organisation: 'structure' } satisfies Record<Reported, string>,
    subject: (reported: string, label: string) => fr`Signalement : ${reported} « ${label} »`,
    intro: {
      listing: 'Un membre a signalé une annonce.',
      message: 'Un membre a signalé un message.',
      organisation: 'Un membre a signalé une structure.',
    },
    reportedLabel: { listing: 'Annonce', message: 'Message', organisation: 'Structure' },
    reasonLabel: 'Motif',
    reasons: {
      inappropriate: 'Contenu inapproprié',
      misleading: 'Contenu trompeur',
      spam: 'Indésirable (spam)',
      unsafe: 'Contenu dangereux',
      other: 'Autre motif',
    } satisfies Record<ReportReason, string>,
    textLabel: fr`Précisions du membre :`,
    review: 'Examiner le signalement',
    summary: (label: string, reason: string) => fr`Signalement (${reason}) : ${label}`,
  },
  en: {
    reported: { listing: 'listing', message: 'message', organisation: 'structure' },
    subject: (reported: string, label: string) => `Report: ${reported} “${label}”`,
    intro: {
      listing: 'A member reported a listing.',
      message: 'A member reported a message.',
      organisation: 'A member reported a structure.',
    },
    reportedLabel: { listing: 'Listing', message: 'Message', organisation: 'Structure' },
    reasonLabel: 'Reason',
    reasons: {
      inappropriate: 'Inappropriate content',
      misleading: 'Misleading content',
      spam: 'Spam',
      unsafe: 'Unsafe content',
      other: 'Other reason',
    },
    textLabel: 'Details from the member:',
    review: 'Review the report',
    summary: (label: string, reason: string) => `Report (${reason}): ${label}`,
  },
});

/** To the network's admins: what was reported and why, to review it. */
export const reportReceived: Template<'report.received'> = {
  compose({ subject, subjectLabel, reasonCode, text, url }, locale) {
    const t = report[locale];
    return {
      subject: t.subject(t.reported[subject], subjectLabel),
      preheader: t.summary(subjectLabel, t.reasons[reasonCode]),
      blocks: [
        paragraph(t.intro[subject]),
        details([
          { label: t.reportedLabel[subject], value: subjectLabel },
          { label: t.reasonLabel, value: t.reasons[reasonCode] },
        ]),
        quote(t.textLabel, text),
        button(t.review, url),
      ],
    };
  },
  summarise: ({ subjectLabel, reasonCode, url }, locale) => ({
    text: report[locale].summary(subjectLabel, report[locale].reasons[reasonCode]),
    url,
  }),
};
