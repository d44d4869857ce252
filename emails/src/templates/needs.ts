import { button, paragraph, quote, type Template } from '../content.ts';
import { defineStrings, fr } from '../strings.ts';

const needResponseWording = defineStrings({
  fr: {
    subject: (need: string) => fr`Réponse à votre besoin : ${need}`,
    intro: (organisation: string, need: string) => fr`${organisation} a répondu à votre besoin « ${need} ».`,
    messageLabel: fr`Message joint à la réponse :`,
    next: 'Répondez-lui depuis le besoin pour convenir des détails.',
    open: 'Voir la réponse',
    summary: (organisation: string, need: string) => fr`${organisation} a répondu à votre besoin : ${need}`,
  },
  en: {
    subject: (need: string) => `An answer to your need: ${need}`,
    intro: (organisation: string, need: string) => `${organisation} answered your need “${need}”.`,
    messageLabel: 'Message sent with the answer:',
    next: 'Reply from the need’s page to agree on the details.',
    open: 'View the answer',
    summary: (organisation: string, need: string) => `${organisation} answered your need: ${need}`,
  },
});

/** To the structure that posted a need (« je cherche… »): another structure offers to help. */
export const needResponse: Template<'need.response'> = {
  compose({ needTitle, organisationName, message, url }, locale) {
    const t = needResponseWording[locale];
    const intro = t.intro(organisationName, needTitle);
    return {
      subject: t.subject(needTitle),
      preheader: intro,
      blocks: [paragraph(intro), quote(t.messageLabel, message), paragraph(t.next), button(t.open, url)],
    };
  },
  summarise: ({ needTitle, organisationName, url }, locale) => ({
    text: needResponseWording[locale].summary(organisationName, needTitle),
    url,
  }),
};
