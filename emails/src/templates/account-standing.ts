import { button, paragraph, quote, type Template } from '../content.ts';
import { formatInstant } from '../dates.ts';
import { defineStrings, fr } from '../strings.ts';

/**
 * What a network or the person decided about their own account: suspended, reinstated, deletion
 * scheduled. Always sent, by email only: a suspended person cannot sign in, and signing in is what
 * cancels a deletion.
 */

const suspended = defineStrings({
  fr: {
    subject: 'Votre compte Mutua est suspendu',
    intro: fr`Le réseau a suspendu votre compte Mutua : vous ne pouvez plus vous connecter.`,
    reasonLabel: fr`Motif indiqué :`,
    effects:
      'Vos demandes qui attendaient une réponse ont été refusées. Vos structures et leurs annonces ne changent pas, et les prêts déjà acceptés restent à mener jusqu’au retour avec les autres membres de vos structures.',
    contact: (networks: string) => fr`Pour en parler, écrivez à l’équipe du réseau : ${networks}.`,
    contactAny: 'Pour en parler, écrivez à l’équipe de votre réseau.',
    and: ' et ',
    summary: 'Votre compte Mutua est suspendu par le réseau',
  },
  en: {
    subject: 'Your Mutua account is suspended',
    intro: 'The network suspended your Mutua account: you can no longer sign in.',
    reasonLabel: 'Reason given:',
    effects:
      'Your requests that were waiting for an answer were declined. Your structures and their listings do not change, and loans already accepted are still to be carried through to their return with the other members of your structures.',
    contact: (networks: string) => `To talk about it, write to the team of the network: ${networks}.`,
    contactAny: 'To talk about it, write to your network’s team.',
    and: ' and ',
    summary: 'Your Mutua account is suspended by the network',
  },
});

/** « A, B et C ». */
function listed(names: string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${and}${names.at(-1)}`;
}

export const accountSuspended: Template<'account.suspended'> = {
  compose({ reason, networkNames }, locale) {
    const t = suspended[locale];
    return {
      subject: t.subject,
      preheader: t.intro,
      // No button: the person cannot sign in; the network is who they talk to.
      blocks: [
        paragraph(t.intro),
        quote(t.reasonLabel, reason),
        paragraph(t.effects),
        paragraph(networkNames.length > 0 ? t.contact(listed(networkNames, t.and)) : t.contactAny),
      ],
    };
  },
  summarise: ({ url }, locale) => ({ text: suspended[locale].summary, url }),
};

const reinstated = defineStrings({
  fr: {
    subject: 'Votre compte Mutua est rétabli',
    intro: fr`Le réseau a levé la suspension de votre compte Mutua : vous pouvez de nouveau vous connecter.`,
    next: fr`Vos demandes refusées pendant la suspension ne reviennent pas : refaites celles dont vous avez encore besoin.`,
    signIn: 'Se connecter',
    summary: 'Suspension de votre compte levée',
  },
  en: {
    subject: 'Your Mutua account is reinstated',
    intro: 'The network lifted the suspension of your Mutua account: you can sign in again.',
    next: 'Requests declined during the suspension do not come back: make again the ones you still need.',
    signIn: 'Sign in',
    summary: 'Suspension of your account lifted',
  },
});

export const accountReinstated: Template<'account.reinstated'> = {
  compose({ signInUrl }, locale) {
    const t = reinstated[locale];
    return {
      subject: t.subject,
      preheader: t.intro,
      blocks: [paragraph(t.intro), paragraph(t.next), button(t.signIn, signInUrl)],
    };
  },
  summarise: ({ signInUrl }, locale) => ({ text: reinstated[locale].summary, url: signInUrl }),
};

const deletionScheduled = defineStrings({
  fr: {
    subject: 'Suppression de votre compte Mutua programmée',
    intro: 'La suppression de votre compte Mutua a été demandée.',
    when: (instant: string) =>
      fr`Sans nouvelle de votre part, votre compte et vos données personnelles seront effacés définitivement à partir du ${instant} (heure de Paris). Ce qui appartient à vos structures (annonces, prêts) reste à elles.`,
    cancel: fr`Vous changez d’avis ? Connectez-vous avant cette date : la suppression sera annulée.`,
    signIn: 'Se connecter pour annuler',
    summary: (instant: string) => fr`Suppression de votre compte programmée : à partir du ${instant}`,
  },
  en: {
    subject: 'Deletion of your Mutua account scheduled',
    intro: 'The deletion of your Mutua account was requested.',
    when: (instant: string) =>
      `Unless you act, your account and your personal data will be erased for good from ${instant} (Paris time). What belongs to your structures (listings, loans) stays theirs.`,
    cancel: 'Changed your mind? Sign in before that date: the deletion will be cancelled.',
    signIn: 'Sign in to cancel',
    summary: (instant: string) => `Deletion of your account scheduled: from ${instant}`,
  },
});

export const accountDeletionScheduled: Template<'account.deletion_scheduled'> = {
  compose({ eraseAfter, signInUrl }, locale) {
    const t = deletionScheduled[locale];
    const when = formatInstant(eraseAfter, locale);
    return {
      subject: t.subject,
      preheader: t.intro,
      blocks: [paragraph(t.intro), paragraph(t.when(when)), paragraph(t.cancel), button(t.signIn, signInUrl)],
    };
  },
  summarise: ({ eraseAfter, signInUrl }, locale) => ({
    text: deletionScheduled[locale].summary(formatInstant(eraseAfter, locale)),
    url: signInUrl,
  }),
};
