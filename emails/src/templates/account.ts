import { button, buttons, fallbackLink, paragraph, type Template } from '../content.ts';
import { formatDuration, formatInstant } from '../dates.ts';
import { defineStrings, fr } from '../strings.ts';

/** The person's own account: address confirmation, password reset and change. Always sent (no unsubscribe). */

const verifyEmail = defineStrings({
  fr: {
    subject: 'Confirmez votre adresse e-mail',
    intro: 'Bienvenue sur Mutua. Pour activer votre compte, confirmez votre adresse e-mail.',
    confirm: 'Confirmer mon adresse',
    validity: (duration: string) => `Ce lien est valable ${duration}.`,
    notYou: fr`Vous n’avez pas créé de compte ? Ignorez simplement ce message.`,
    summary: 'Confirmez votre adresse e-mail',
  },
  en: {
    subject: 'Confirm your email address',
    intro: 'Welcome to Mutua. To activate your account, please confirm your email address.',
    confirm: 'Confirm my address',
    validity: (duration: string) => `This link is valid for ${duration}.`,
    notYou: 'If you did not create an account, simply ignore this message.',
    summary: 'Confirm your email address',
  },
});

export const accountVerifyEmail: Template<'account.verify_email'> = {
  compose({ url, expiresInHours }, locale) {
    const t = verifyEmail[locale];
    return {
      subject: t.subject,
      preheader: t.intro,
      blocks: [
        paragraph(t.intro),
        button(t.confirm, url),
        fallbackLink(url),
        paragraph(t.validity(formatDuration(expiresInHours * 60, locale))),
        paragraph(t.notYou),
      ],
    };
  },
  summarise: ({ url }, locale) => ({ text: verifyEmail[locale].summary, url }),
};

const passwordReset = defineStrings({
  fr: {
    subject: 'Choisissez un nouveau mot de passe',
    intro: 'Vous avez demandé à changer le mot de passe de votre compte Mutua.',
    choose: 'Choisir un nouveau mot de passe',
    validity: (duration: string) => `Ce lien est valable ${duration}.`,
    notYou: fr`Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message : votre mot de passe reste le même.`,
    summary: 'Choisissez un nouveau mot de passe',
  },
  en: {
    subject: 'Choose a new password',
    intro: 'You asked to change the password of your Mutua account.',
    choose: 'Choose a new password',
    validity: (duration: string) => `This link is valid for ${duration}.`,
    notYou: 'If you did not ask for this, ignore this message: your password stays the same.',
    summary: 'Choose a new password',
  },
});

export const accountPasswordReset: Template<'account.password_reset'> = {
  compose({ url, expiresInMinutes }, locale) {
    const t = passwordReset[locale];
    return {
      subject: t.subject,
      preheader: t.intro,
      blocks: [
        paragraph(t.intro),
        button(t.choose, url),
        fallbackLink(url),
        paragraph(t.validity(formatDuration(expiresInMinutes, locale))),
        paragraph(t.notYou),
      ],
    };
  },
  summarise: ({ url }, locale) => ({ text: passwordReset[locale].summary, url }),
};

const passwordChanged = defineStrings({
  fr: {
    subject: 'Votre mot de passe a été modifié',
    intro: (when: string) => `Le mot de passe de votre compte Mutua a été modifié le ${when}.`,
    ifYou: 'Si c’est bien vous, il n’y a rien à faire.',
    ifNotYou: fr`Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe :`,
    reset: 'Choisir un nouveau mot de passe',
    summary: (when: string) => `Mot de passe modifié le ${when}`,
  },
  en: {
    subject: 'Your password was changed',
    intro: (when: string) => `The password of your Mutua account was changed on ${when}.`,
    ifYou: 'If it was you, there is nothing to do.',
    ifNotYou: 'If it was not you, choose a new password right away:',
    reset: 'Choose a new password',
    summary: (when: string) => `Password changed on ${when}`,
  },
});

export const accountPasswordChanged: Template<'account.password_changed'> = {
  compose({ changedAt, resetUrl }, locale) {
    const t = passwordChanged[locale];
    const intro = t.intro(formatInstant(changedAt, locale));
    return {
      subject: t.subject,
      preheader: intro,
      blocks: [paragraph(intro), paragraph(t.ifYou), paragraph(t.ifNotYou), button(t.reset, resetUrl)],
    };
  },
  summarise: ({ changedAt, resetUrl }, locale) => ({
    text: passwordChanged[locale].summary(formatInstant(changedAt, locale)),
    url: resetUrl,
  }),
};

const emailChange = defineStrings({
  fr: {
    subject: 'Confirmez votre nouvelle adresse e-mail',
    intro: (address: string) =>
      `Vous avez demandé à utiliser l’adresse ${address} pour votre compte Mutua. Confirmez-la pour terminer le changement.`,
    confirm: 'Confirmer cette adresse',
    validity: (duration: string) => `Ce lien est valable ${duration}.`,
    notYou: fr`Vous n’êtes pas à l’origine de cette demande ? Ignorez ce message : l’adresse actuelle du compte reste en place.`,
    summary: (address: string) => fr`Confirmez votre nouvelle adresse : ${address}`,
  },
  en: {
    subject: 'Confirm your new email address',
    intro: (address: string) =>
      `You asked to use the address ${address} for your Mutua account. Confirm it to finish the change.`,
    confirm: 'Confirm this address',
    validity: (duration: string) => `This link is valid for ${duration}.`,
    notYou: 'If you did not ask for this, ignore this message: the account keeps its current address.',
    summary: (address: string) => `Confirm your new address: ${address}`,
  },
});

export const accountEmailChange: Template<'account.email_change'> = {
  compose({ newEmail, url, expiresInHours }, locale) {
    const t = emailChange[locale];
    return {
      subject: t.subject,
      preheader: t.intro(newEmail),
      blocks: [
        paragraph(t.intro(newEmail)),
        button(t.confirm, url),
        fallbackLink(url),
        paragraph(t.validity(formatDuration(expiresInHours * 60, locale))),
        paragraph(t.notYou),
      ],
    };
  },
  summarise: ({ newEmail, url }, locale) => ({ text: emailChange[locale].summary(newEmail), url }),
};

const signupAttempt = defineStrings({
  fr: {
    subject: 'Quelqu’un a voulu créer un compte avec votre adresse',
    intro: (when: string) =>
      fr`Le ${when}, quelqu’un a demandé à créer un compte Mutua avec votre adresse e-mail. Elle en a déjà un : nous n’avons rien créé ni changé.`,
    ifYou: fr`Si c’était vous, connectez-vous avec votre compte ; si vous avez oublié son mot de passe, choisissez-en un nouveau.`,
    signIn: 'Me connecter',
    reset: 'Choisir un nouveau mot de passe',
    notYou: fr`Si ce n’était pas vous, ignorez ce message : sans votre mot de passe, personne ne peut entrer dans votre compte.`,
    summary: (when: string) => `Tentative de création d’un compte avec votre adresse, le ${when}`,
  },
  en: {
    subject: 'Someone tried to create an account with your address',
    intro: (when: string) =>
      `On ${when}, someone asked to create a Mutua account with your email address. It already has one: nothing was created or changed.`,
    ifYou: 'If it was you, sign in to your account; if you forgot its password, choose a new one.',
    signIn: 'Sign in',
    reset: 'Choose a new password',
    notYou: 'If it was not you, ignore this message: without your password, nobody can get into your account.',
    summary: (when: string) => `Attempt to create an account with your address, on ${when}`,
  },
});

/** Sign-up answers the same for a taken address as for a free one: only its owner hears of it, here. */
export const accountSignupAttempt: Template<'account.signup_attempt'> = {
  compose({ attemptedAt, signInUrl, resetUrl }, locale) {
    const t = signupAttempt[locale];
    const intro = t.intro(formatInstant(attemptedAt, locale));
    return {
      subject: t.subject,
      preheader: intro,
      blocks: [
        paragraph(intro),
        paragraph(t.ifYou),
        buttons(
          { label: t.signIn, url: signInUrl, style: 'primary' },
          { label: t.reset, url: resetUrl, style: 'secondary' },
        ),
        paragraph(t.notYou),
      ],
    };
  },
  summarise: ({ attemptedAt, signInUrl }, locale) => ({
    text: signupAttempt[locale].summary(formatInstant(attemptedAt, locale)),
    url: signInUrl,
  }),
};
