import { button, paragraph, quote, type Template } from '../content.ts';
import { defineStrings, fr } from '../strings.ts';

/** A structure's standing in the network after its review: suspended, reinstated, reopened, changes asked for. */

const suspended = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Structure suspendue : ${organisation}`,
    intro: (organisation: string) => `Le réseau a suspendu votre structure, ${organisation}.`,
    reasonLabel: fr`Motif indiqué :`,
    effects:
      'Ses annonces ne sont plus visibles dans le catalogue et ses demandes en attente ont été refusées. Les prêts déjà acceptés restent à mener jusqu’au retour.',
    next: 'Pour en parler, contactez le réseau.',
    open: 'Voir ma structure',
    summary: (organisation: string) => fr`Structure suspendue par le réseau : ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Structure suspended: ${organisation}`,
    intro: (organisation: string) => `The network suspended your structure, ${organisation}.`,
    reasonLabel: 'Reason given:',
    effects:
      'Its listings no longer show in the catalogue and its waiting requests were declined. Loans already accepted are still to be carried through to their return.',
    next: 'To talk about it, contact the network.',
    open: 'View my structure',
    summary: (organisation: string) => `Structure suspended by the network: ${organisation}`,
  },
});

export const organisationSuspended: Template<'organisation.suspended'> = {
  compose({ organisationName, reason, url }, locale) {
    const t = suspended[locale];
    return {
      subject: t.subject(organisationName),
      preheader: t.intro(organisationName),
      blocks: [
        paragraph(t.intro(organisationName)),
        quote(t.reasonLabel, reason),
        paragraph(t.effects),
        paragraph(t.next),
        button(t.open, url),
      ],
    };
  },
  summarise: ({ organisationName, url }, locale) => ({ text: suspended[locale].summary(organisationName), url }),
};

const reinstated = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Structure rétablie : ${organisation}`,
    intro: (organisation: string) => `Le réseau a levé la suspension de votre structure, ${organisation}.`,
    next: 'Ses annonces publiées sont de nouveau dans le catalogue, et vous pouvez de nouveau prêter et emprunter.',
    open: 'Ouvrir ma structure',
    summary: (organisation: string) => fr`Suspension levée : ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Structure reinstated: ${organisation}`,
    intro: (organisation: string) => `The network lifted the suspension of your structure, ${organisation}.`,
    next: 'Its published listings are back in the catalogue, and you can lend and borrow again.',
    open: 'Open my structure',
    summary: (organisation: string) => `Suspension lifted: ${organisation}`,
  },
});

export const organisationReinstated: Template<'organisation.reinstated'> = {
  compose({ organisationName, url }, locale) {
    const t = reinstated[locale];
    return {
      subject: t.subject(organisationName),
      preheader: t.intro(organisationName),
      blocks: [paragraph(t.intro(organisationName)), paragraph(t.next), button(t.open, url)],
    };
  },
  summarise: ({ organisationName, url }, locale) => ({ text: reinstated[locale].summary(organisationName), url }),
};

const reopened = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Inscription réexaminée : ${organisation}`,
    intro: (organisation: string) =>
      fr`Le réseau réexamine l’inscription de votre structure, ${organisation} : elle est de nouveau en attente de validation.`,
    next: 'Vous pouvez compléter ses informations en attendant la décision.',
    open: 'Voir ma structure',
    summary: (organisation: string) => fr`Inscription de nouveau en attente : ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Registration under review again: ${organisation}`,
    intro: (organisation: string) =>
      `The network is reviewing the registration of your structure, ${organisation}, again: it is waiting for approval.`,
    next: 'You can complete its details while you wait for the decision.',
    open: 'View my structure',
    summary: (organisation: string) => `Registration waiting again: ${organisation}`,
  },
});

export const organisationReopened: Template<'organisation.reopened'> = {
  compose({ organisationName, url }, locale) {
    const t = reopened[locale];
    return {
      subject: t.subject(organisationName),
      preheader: t.intro(organisationName),
      blocks: [paragraph(t.intro(organisationName)), paragraph(t.next), button(t.open, url)],
    };
  },
  summarise: ({ organisationName, url }, locale) => ({ text: reopened[locale].summary(organisationName), url }),
};

const changesRequested = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Modifications demandées : ${organisation}`,
    intro: (organisation: string) =>
      `Avant de valider votre structure, ${organisation}, le réseau vous demande des modifications.`,
    messageLabel: fr`Message du réseau :`,
    next: fr`Complétez la fiche de la structure : elle reste en attente de validation.`,
    open: 'Modifier ma structure',
    summary: (organisation: string) => fr`Le réseau demande des modifications : ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Changes requested: ${organisation}`,
    intro: (organisation: string) =>
      `Before approving your structure, ${organisation}, the network asks you for some changes.`,
    messageLabel: 'Message from the network:',
    next: 'Complete the structure’s details: it stays waiting for approval.',
    open: 'Edit my structure',
    summary: (organisation: string) => `The network asks for changes: ${organisation}`,
  },
});

export const organisationChangesRequested: Template<'organisation.changes_requested'> = {
  compose({ organisationName, message, url }, locale) {
    const t = changesRequested[locale];
    return {
      subject: t.subject(organisationName),
      preheader: t.intro(organisationName),
      blocks: [
        paragraph(t.intro(organisationName)),
        quote(t.messageLabel, message),
        paragraph(t.next),
        button(t.open, url),
      ],
    };
  },
  summarise: ({ organisationName, url }, locale) => ({
    text: changesRequested[locale].summary(organisationName),
    url,
  }),
};
