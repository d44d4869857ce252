import { describe, expect, it } from 'vitest';
import {
  button,
  buttons,
  details,
  fallbackLink,
  heading,
  link,
  list,
  paragraph,
  quote,
  type EmailContent,
} from './content.ts';
import { renderLayout } from './layout.ts';
import { sampleContext } from './samples.ts';

const content: EmailContent = {
  subject: 'Nouvelle demande de prêt',
  preheader: 'Centre social Les Tisserands demande Tonnelle 3×3 m',
  blocks: [
    paragraph('Une ligne.\nUne autre.'),
    details([
      { label: 'Matériel', value: ['2 × Tonnelle 3×3 m', '6 × Table pliante'] },
      { label: 'Quand', value: 'le mardi 31 mars 2026' },
    ]),
    quote('Message joint à la demande :', 'Bonjour,\nmerci !'),
    quote('Motif indiqué :', '   '),
    null,
    buttons(
      { label: 'Accepter', url: 'https://mutua.example.org/a?x=1&y=2', style: 'primary' },
      { label: 'Refuser', url: 'https://mutua.example.org/r', style: 'secondary' },
    ),
    link('Voir la demande', 'https://mutua.example.org/prets/1'),
    fallbackLink('https://mutua.example.org/prets/1'),
    heading('Pour vous'),
    list([{ text: 'Annonce validée', url: 'https://mutua.example.org/materiel/1' }]),
  ],
};

describe('renderLayout', () => {
  const email = renderLayout(content, sampleContext('fr'));

  it('is a phone-readable, light-and-dark HTML document in the reader’s language', () => {
    expect(email.html.startsWith('<!doctype html>\n<html lang="fr"')).toBe(true);
    expect(email.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(email.html).toContain('<meta name="supported-color-schemes" content="light dark">');
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(email.html).toContain('@media (prefers-color-scheme: dark)');
    expect(email.html).toContain('max-width:560px');
    expect(email.html).toContain('<title>Nouvelle demande de prêt</title>');
    expect(email.html).not.toMatch(/<img/i);
  });

  it('hides the preheader in the body, and leaves it out of the text', () => {
    expect(email.html).toMatch(/<div style="display:none;[^"]*">Centre social Les Tisserands demande Tonnelle 3×3 m/);
    expect(email.text).not.toContain(content.preheader);
  });

  it('makes buttons of links with real text', () => {
    expect(email.html).toContain('class="m-primary" href="https://mutua.example.org/a?x=1&amp;y=2"');
    expect(email.html).toMatch(/>Accepter<\/a>/);
    expect(email.html).toMatch(/class="m-secondary"[^>]*>Refuser<\/a>/);
  });

  it('writes a text part that mirrors the HTML, every link in full', () => {
    const hrefs = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&'));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(email.text).toContain(href);
    expect(email.text).toBe(`Bonjour Camille,

Une ligne.
Une autre.

Matériel\u202f:
- 2 × Tonnelle 3×3 m
- 6 × Table pliante
Quand\u202f: le mardi 31 mars 2026

Message joint à la demande :
> Bonjour,
> merci !

Accepter\u202f: https://mutua.example.org/a?x=1&y=2
Refuser\u202f: https://mutua.example.org/r

Voir la demande\u202f: https://mutua.example.org/prets/1

Pour vous
---------

- Annonce validée
  https://mutua.example.org/materiel/1

-- 
Mutua — la plateforme de mutualisation de votre réseau
https://mutua.example.org/
Gérer mes notifications\u202f: https://mutua.example.org/notifications/preferences
Se désabonner de ces e-mails\u202f: https://mutua.example.org/desabonnement/Uv09sPq2Lk8Jh7Gf6Ds5Aq4Wz3Xe2Rc1Vb0Nm9Ml8Kj7Hg6Fd5Sa4Qw3Er2Ty1Ui0O.p9Lo8Ki7Ju6Hy5Gt4Fr3Ed2
`);
  });

  it('shows line breaks of quoted words as <br>, and skips a blank quote', () => {
    expect(email.html).toContain('Bonjour,<br>merci !</blockquote>');
    expect(email.html).not.toContain('Motif indiqué');
  });

  it('leaves out, in both parts, every link that is not http(s)', () => {
    const unsafe = 'javascript:alert(1)';
    const hostile = renderLayout(
      {
        subject: 'x',
        preheader: 'x',
        blocks: [
          button('Voir', unsafe),
          link('Voir', unsafe),
          fallbackLink(unsafe),
          list([{ text: 'Une entrée', url: unsafe }]),
          buttons({ label: 'Accepter', url: unsafe, style: 'primary' }),
        ],
      },
      { ...sampleContext('en'), publicUrl: unsafe, preferencesUrl: unsafe, unsubscribeUrl: unsafe },
    );
    expect(hostile.html).not.toContain('javascript:');
    expect(hostile.text).not.toContain('javascript:');
    expect(hostile.text).toContain('- Une entrée');
  });
});
