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

const restored = defineStrings({
  fr: {
    subject: (listing: string) => fr`Annonce de nouveau visible : ${listing}`,
    intro: (listing: string) =>
      fr`Le réseau a rendu votre annonce « ${listing} » de nouveau visible : elle est de retour dans le catalogue.`,
    open: 'Voir l’annonce',
    summary: (listing: string) => fr`Annonce de nouveau visible dans le catalogue : ${listing}`,
  },
  en: {
    subject: (listing: string) => `Listing visible again: ${listing}`,
    intro: (listing: string) =>
      `The network made your listing “${listing}” visible again: it is back in the catalogue.`,
    open: 'View the listing',
    summary: (listing: string) => `Listing back in the catalogue: ${listing}`,
  },
});

export const listingRestored: Template<'listing.restored'> = {
  compose({ listingTitle, url }, locale) {
    const t = restored[locale];
    return {
      subject: t.subject(listingTitle),
      preheader: t.intro(listingTitle),
      blocks: [paragraph(t.intro(listingTitle)), button(t.open, url)],
    };
  },
  summarise: ({ listingTitle, url }, locale) => ({ text: restored[locale].summary(listingTitle), url }),
};

const archived = defineStrings({
  fr: {
    subject: (listing: string) => fr`Annonce archivée : ${listing}`,
    intro: (listing: string) =>
      fr`Le réseau a archivé votre annonce « ${listing} » : elle a quitté le catalogue et ne peut plus être demandée.`,
    reasonLabel: fr`Motif indiqué :`,
    next: 'Les prêts déjà acceptés restent à mener jusqu’au retour. Pour en parler, écrivez au réseau.',
    open: 'Voir l’annonce',
    summary: (listing: string) => fr`Annonce archivée par le réseau : ${listing}`,
  },
  en: {
    subject: (listing: string) => `Listing archived: ${listing}`,
    intro: (listing: string) =>
      `The network archived your listing “${listing}”: it has left the catalogue and can no longer be requested.`,
    reasonLabel: 'Reason given:',
    next: 'Loans already accepted are still to be carried through to their return. To talk about it, write to the network.',
    open: 'View the listing',
    summary: (listing: string) => `Listing archived by the network: ${listing}`,
  },
});

export const listingArchived: Template<'listing.archived'> = {
  compose({ listingTitle, reason, url }, locale) {
    const t = archived[locale];
    return {
      subject: t.subject(listingTitle),
      preheader: t.intro(listingTitle),
      blocks: [paragraph(t.intro(listingTitle)), quote(t.reasonLabel, reason), paragraph(t.next), button(t.open, url)],
    };
  },
  summarise: ({ listingTitle, url }, locale) => ({ text: archived[locale].summary(listingTitle), url }),
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

type Outcome = EmailInputs['report.resolved']['outcome'];

const resolved = defineStrings({
  fr: {
    reported: { listing: 'annonce', message: 'message', organisation: 'structure' } satisfies Record<Reported, string>,
    subject: (reported: string, label: string) => fr`Votre signalement a été traité : ${reported} « ${label} »`,
    intro: {
      listing: (label: string) => fr`La modération du réseau a examiné votre signalement de l’annonce « ${label} ».`,
      message: (label: string) => fr`La modération du réseau a examiné votre signalement du message « ${label} ».`,
      organisation: (label: string) =>
        fr`La modération du réseau a examiné votre signalement de la structure « ${label} ».`,
    },
    outcomes: {
      dismissed: fr`Elle n’y a pas donné suite : rien n’a été changé.`,
      hidden: fr`Elle a masqué ce que vous avez signalé : on ne le voit plus sur Mutua.`,
      suspended: 'Elle a suspendu la structure concernée.',
    } satisfies Record<Outcome, string>,
    thanks: 'Merci de nous aider à garder le réseau accueillant.',
    open: 'Voir mes notifications',
    summary: {
      dismissed: (label: string) => fr`Signalement examiné, sans suite : ${label}`,
      hidden: (label: string) => fr`Signalement traité, contenu masqué : ${label}`,
      suspended: (label: string) => fr`Signalement traité, structure suspendue : ${label}`,
    },
  },
  en: {
    reported: { listing: 'listing', message: 'message', organisation: 'structure' },
    subject: (reported: string, label: string) => `Your report was handled: ${reported} “${label}”`,
    intro: {
      listing: (label: string) => `The network’s moderation reviewed your report of the listing “${label}”.`,
      message: (label: string) => `The network’s moderation reviewed your report of the message “${label}”.`,
      organisation: (label: string) => `The network’s moderation reviewed your report of the structure “${label}”.`,
    },
    outcomes: {
      dismissed: 'It took no action: nothing was changed.',
      hidden: 'It hid what you reported: it no longer shows on Mutua.',
      suspended: 'It suspended the structure concerned.',
    },
    thanks: 'Thank you for helping keep the network welcoming.',
    open: 'View my notifications',
    summary: {
      dismissed: (label: string) => `Report reviewed, no action: ${label}`,
      hidden: (label: string) => `Report handled, content hidden: ${label}`,
      suspended: (label: string) => `Report handled, structure suspended: ${label}`,
    },
  },
});

/** To the reporter: what became of their report (never the moderator's own note, which is for the network). */
export const reportResolved: Template<'report.resolved'> = {
  compose({ subject, subjectLabel, outcome, url }, locale) {
    const t = resolved[locale];
    return {
      subject: t.subject(t.reported[subject], subjectLabel),
      preheader: t.summary[outcome](subjectLabel),
      blocks: [
        paragraph(t.intro[subject](subjectLabel)),
        paragraph(t.outcomes[outcome]),
        paragraph(t.thanks),
        button(t.open, url),
      ],
    };
  },
  summarise: ({ subjectLabel, outcome, url }, locale) => ({
    text: resolved[locale].summary[outcome](subjectLabel),
    url,
  }),
};
