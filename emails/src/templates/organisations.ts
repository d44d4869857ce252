import { button, fallbackLink, paragraph, quote, type Template } from '../content.ts';
import { formatDuration } from '../dates.ts';
import { defineStrings, fr } from '../strings.ts';

/** A structure and its team: validation by the network, invitations, requests to join. */

const approved = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Structure validée : ${organisation}`,
    intro: (organisation: string) => fr`Bonne nouvelle : le réseau a validé votre structure, ${organisation}.`,
    next: 'Vous pouvez maintenant publier du matériel et des services, et emprunter auprès des autres structures du réseau.',
    open: 'Ouvrir ma structure',
    summary: (organisation: string) => fr`Structure validée par le réseau : ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Structure approved: ${organisation}`,
    intro: (organisation: string) => `Good news: the network approved your structure, ${organisation}.`,
    next: 'You can now publish items and services, and borrow from the other structures in the network.',
    open: 'Open my structure',
    summary: (organisation: string) => `Structure approved by the network: ${organisation}`,
  },
});

export const organisationApproved: Template<'organisation.approved'> = {
  compose({ organisationName, url }, locale) {
    const t = approved[locale];
    return {
      subject: t.subject(organisationName),
      preheader: t.intro(organisationName),
      blocks: [paragraph(t.intro(organisationName)), paragraph(t.next), button(t.open, url)],
    };
  },
  summarise: ({ organisationName, url }, locale) => ({ text: approved[locale].summary(organisationName), url }),
};

const rejected = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Structure non validée : ${organisation}`,
    intro: (organisation: string) => `Le réseau n’a pas validé l’inscription de votre structure (${organisation}).`,
    reasonLabel: fr`Motif indiqué :`,
    next: 'Vous pouvez compléter les informations de la structure, ou contacter le réseau pour en parler.',
    open: 'Voir ma structure',
    summary: (organisation: string) => fr`Structure non validée : ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Structure not approved: ${organisation}`,
    intro: (organisation: string) =>
      `The network did not approve the registration of your structure (${organisation}).`,
    reasonLabel: 'Reason given:',
    next: 'You can complete the structure’s details, or contact the network to talk about it.',
    open: 'View my structure',
    summary: (organisation: string) => `Structure not approved: ${organisation}`,
  },
});

export const organisationRejected: Template<'organisation.rejected'> = {
  compose({ organisationName, reason, url }, locale) {
    const t = rejected[locale];
    return {
      subject: t.subject(organisationName),
      preheader: t.intro(organisationName),
      blocks: [
        paragraph(t.intro(organisationName)),
        quote(t.reasonLabel, reason),
        paragraph(t.next),
        button(t.open, url),
      ],
    };
  },
  summarise: ({ organisationName, url }, locale) => ({ text: rejected[locale].summary(organisationName), url }),
};

const invitation = defineStrings({
  fr: {
    subject: (inviter: string, organisation: string) => `${inviter} vous invite à rejoindre ${organisation} sur Mutua`,
    intro: (inviter: string, organisation: string, role: 'member' | 'manager') =>
      `${inviter} vous invite à rejoindre ${organisation} sur Mutua, en tant que ${role === 'manager' ? 'gestionnaire' : 'membre'}.`,
    about: 'Sur Mutua, les structures du réseau se prêtent du matériel et échangent des services.',
    role: (role: 'member' | 'manager') =>
      role === 'manager'
        ? 'En tant que gestionnaire, vous pourrez gérer les annonces, les demandes de prêt et l’équipe de la structure.'
        : 'En tant que membre, vous pourrez emprunter pour la structure et suivre ses prêts.',
    accept: 'Accepter l’invitation',
    validity: (duration: string) => `Cette invitation est valable ${duration}.`,
    unexpected: fr`Vous ne vous attendiez pas à ce message ? Vous pouvez l’ignorer.`,
    summary: (inviter: string, organisation: string) => `${inviter} vous invite à rejoindre ${organisation}`,
  },
  en: {
    subject: (inviter: string, organisation: string) => `${inviter} invites you to join ${organisation} on Mutua`,
    intro: (inviter: string, organisation: string, role: 'member' | 'manager') =>
      `${inviter} invites you to join ${organisation} on Mutua, as a ${role === 'manager' ? 'manager' : 'member'}.`,
    about: 'On Mutua, the structures of the network lend each other items and exchange services.',
    role: (role: 'member' | 'manager') =>
      role === 'manager'
        ? 'As a manager, you will look after the structure’s listings, loan requests and team.'
        : 'As a member, you will borrow for the structure and follow its loans.',
    accept: 'Accept the invitation',
    validity: (duration: string) => `This invitation is valid for ${duration}.`,
    unexpected: 'Not expecting this message? You can ignore it.',
    summary: (inviter: string, organisation: string) => `${inviter} invites you to join ${organisation}`,
  },
});

/** To a person who may not have an account yet (the greeting then has no name). */
export const organisationInvitation: Template<'organisation.invitation'> = {
  compose({ organisationName, inviterName, role, url, expiresInDays }, locale) {
    const t = invitation[locale];
    const intro = t.intro(inviterName, organisationName, role);
    return {
      subject: t.subject(inviterName, organisationName),
      preheader: intro,
      blocks: [
        paragraph(intro),
        paragraph(t.about),
        paragraph(t.role(role)),
        button(t.accept, url),
        fallbackLink(url),
        paragraph(t.validity(formatDuration(expiresInDays * 1440, locale))),
        paragraph(t.unexpected),
      ],
    };
  },
  summarise: ({ organisationName, inviterName, url }, locale) => ({
    text: invitation[locale].summary(inviterName, organisationName),
    url,
  }),
};

const requestToJoin = defineStrings({
  fr: {
    subject: (person: string, organisation: string) => fr`Demande pour rejoindre ${organisation} : ${person}`,
    intro: (person: string, organisation: string) => `${person} demande à rejoindre ${organisation} sur Mutua.`,
    advice: fr`Si vous connaissez cette personne, acceptez sa demande ; sinon, refusez-la.`,
    open: 'Voir la demande',
    summary: (person: string, organisation: string) => `${person} demande à rejoindre ${organisation}`,
  },
  en: {
    subject: (person: string, organisation: string) => `Request to join ${organisation}: ${person}`,
    intro: (person: string, organisation: string) => `${person} asks to join ${organisation} on Mutua.`,
    advice: 'If you know this person, accept their request; otherwise, decline it.',
    open: 'View the request',
    summary: (person: string, organisation: string) => `${person} asks to join ${organisation}`,
  },
});

export const membershipRequested: Template<'membership.requested'> = {
  compose({ organisationName, personName, url }, locale) {
    const t = requestToJoin[locale];
    const intro = t.intro(personName, organisationName);
    return {
      subject: t.subject(personName, organisationName),
      preheader: intro,
      blocks: [paragraph(intro), paragraph(t.advice), button(t.open, url)],
    };
  },
  summarise: ({ organisationName, personName, url }, locale) => ({
    text: requestToJoin[locale].summary(personName, organisationName),
    url,
  }),
};

const joined = defineStrings({
  fr: {
    subject: (organisation: string) => fr`Bienvenue dans l’équipe : ${organisation}`,
    intro: (organisation: string) =>
      `Votre demande pour rejoindre ${organisation} est acceptée. Vous pouvez maintenant agir pour la structure sur Mutua.`,
    open: 'Ouvrir Mutua',
    summary: (organisation: string) => fr`Demande acceptée, vous avez rejoint ${organisation}`,
  },
  en: {
    subject: (organisation: string) => `Welcome to the team: ${organisation}`,
    intro: (organisation: string) =>
      `Your request to join ${organisation} was accepted. You can now act for the structure on Mutua.`,
    open: 'Open Mutua',
    summary: (organisation: string) => `Request accepted, you joined ${organisation}`,
  },
});

export const membershipAccepted: Template<'membership.accepted'> = {
  compose({ organisationName, url }, locale) {
    const t = joined[locale];
    const intro = t.intro(organisationName);
    return { subject: t.subject(organisationName), preheader: intro, blocks: [paragraph(intro), button(t.open, url)] };
  },
  summarise: ({ organisationName, url }, locale) => ({ text: joined[locale].summary(organisationName), url }),
};
