import { button, paragraph, type Template } from '../content.ts';
import type { EmailInputs } from '../contract.ts';
import { defineStrings, fr } from '../strings.ts';

/** A person's place in a network's administration: made moderator or admin, or no longer either. */

type Role = EmailInputs['network_role.changed']['role'];

const changed = defineStrings({
  fr: {
    subject: {
      admin: (network: string) => fr`Vous administrez le réseau ${network}`,
      moderator: (network: string) => fr`Vous modérez le réseau ${network}`,
      none: (network: string) => fr`Votre rôle dans le réseau ${network} a pris fin`,
    },
    intro: {
      admin: (network: string) =>
        fr`Vous faites maintenant partie de l’équipe d’administration du réseau ${network} : vous validez les structures, modérez les annonces et les signalements, et réglez le réseau.`,
      moderator: (network: string) =>
        fr`Vous faites maintenant partie de l’équipe de modération du réseau ${network} : vous examinez les annonces et les signalements.`,
      none: (network: string) =>
        fr`Vous ne faites plus partie de l’équipe qui anime le réseau ${network}. Vos structures et leurs prêts ne changent pas.`,
    },
    open: 'Ouvrir l’administration',
    summary: {
      admin: (network: string) => fr`Vous administrez maintenant le réseau ${network}`,
      moderator: (network: string) => fr`Vous modérez maintenant le réseau ${network}`,
      none: (network: string) => fr`Vous n’avez plus de rôle dans le réseau ${network}`,
    },
  },
  en: {
    subject: {
      admin: (network: string) => `You now run the network ${network}`,
      moderator: (network: string) => `You now moderate the network ${network}`,
      none: (network: string) => `Your role in the network ${network} has ended`,
    },
    intro: {
      admin: (network: string) =>
        `You are now part of the admin team of the network ${network}: you approve structures, moderate listings and reports, and set up the network.`,
      moderator: (network: string) =>
        `You are now part of the moderation team of the network ${network}: you review listings and reports.`,
      none: (network: string) =>
        `You are no longer part of the team that runs the network ${network}. Your structures and their loans do not change.`,
    },
    open: 'Open the administration',
    summary: {
      admin: (network: string) => `You now run the network ${network}`,
      moderator: (network: string) => `You now moderate the network ${network}`,
      none: (network: string) => `You no longer have a role in the network ${network}`,
    },
  },
});

const roleKey = (role: Role) => role ?? 'none';

export const networkRoleChanged: Template<'network_role.changed'> = {
  compose({ networkName, role, url }, locale) {
    const t = changed[locale];
    const key = roleKey(role);
    return {
      subject: t.subject[key](networkName),
      preheader: t.summary[key](networkName),
      // The administration is no longer theirs to open once the role has ended.
      blocks: [paragraph(t.intro[key](networkName)), role ? button(t.open, url) : null],
    };
  },
  summarise: ({ networkName, role, url }, locale) => ({
    text: changed[locale].summary[roleKey(role)](networkName),
    url,
  }),
};
