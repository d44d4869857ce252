import { describe, expect, it } from 'vitest';
import { type EmailInputs, renderEmail, sampleContext, sampleInputs } from '../index.ts';

const nnbsp = '\u202f';

describe('account.suspended', () => {
  const input = sampleInputs['account.suspended'];

  it('gives the reason as typed and the network to write to, and no button: the person cannot sign in', () => {
    const email = renderEmail('account.suspended', input, sampleContext('fr'));
    expect(email.subject).toBe('Votre compte Mutua est suspendu');
    expect(email.text).toContain(`Motif indiqué${nnbsp}:\n> ${input.reason}`);
    expect(email.text).toContain(
      `Pour en parler, écrivez à l’équipe du réseau${nnbsp}: Réseau des ressourceries des Hauts-de-France.`,
    );
    expect(email.html).not.toContain('class="m-primary"');
    expect(email.text).not.toContain('/connexion');
  });

  it('names several networks as a list, and none when it knows none', () => {
    const several = renderEmail(
      'account.suspended',
      { ...input, networkNames: ['Réseau A', 'Réseau B', 'Réseau C'] },
      sampleContext('fr'),
    );
    expect(several.text).toContain(`du réseau${nnbsp}: Réseau A, Réseau B et Réseau C.`);
    const none = renderEmail('account.suspended', { ...input, networkNames: [], reason: null }, sampleContext('en'));
    expect(none.text).toContain('To talk about it, write to your network’s team.');
    expect(none.text).not.toContain('Reason given');
  });
});

describe('account.deletion_scheduled', () => {
  it('says from when the account is erased, in Paris time, and offers to sign in to cancel', () => {
    const email = renderEmail(
      'account.deletion_scheduled',
      sampleInputs['account.deletion_scheduled'],
      sampleContext('fr'),
    );
    // 21:30 UTC on 24 October 2026 is 23:30 in Paris (summer time until the next night).
    expect(email.text).toContain('à partir du samedi 24 octobre 2026 à 23\u00a0h\u00a030 (heure de Paris)');
    expect(email.text).toContain('Se connecter pour annuler');
    expect(email.text).toContain('https://mutua.example.org/connexion');
  });
});

describe('network_role.changed', () => {
  const render = (role: EmailInputs['network_role.changed']['role'], locale: 'fr' | 'en' = 'fr') =>
    renderEmail('network_role.changed', { ...sampleInputs['network_role.changed'], role }, sampleContext(locale));

  it('tells the new role, with the administration to open', () => {
    expect(render('admin').subject).toBe('Vous administrez le réseau Réseau des ressourceries des Hauts-de-France');
    expect(render('moderator').text).toContain('vous examinez les annonces et les signalements');
    expect(render('moderator').text).toContain('https://mutua.example.org/admin');
    expect(render('admin', 'en').subject).toBe('You now run the network Réseau des ressourceries des Hauts-de-France');
  });

  it('tells a role that ended, without a button to an administration no longer theirs', () => {
    const ended = render(null);
    expect(ended.subject).toBe('Votre rôle dans le réseau Réseau des ressourceries des Hauts-de-France a pris fin');
    expect(ended.text).not.toContain('/admin');
    expect(ended.html).not.toContain('class="m-primary"');
    expect(render('admin').html).toContain('class="m-primary"');
  });
});

describe('report.resolved', () => {
  it('tells the reporter what the moderation did, never its own note', () => {
    const input = sampleInputs['report.resolved'];
    const hidden = renderEmail('report.resolved', input, sampleContext('fr'));
    expect(hidden.subject).toBe(`Votre signalement a été traité${nnbsp}: annonce «${nnbsp}Barnum 6×3 m${nnbsp}»`);
    expect(hidden.text).toContain('Elle a masqué ce que vous avez signalé');
    const dismissed = renderEmail('report.resolved', { ...input, outcome: 'dismissed' }, sampleContext('fr'));
    expect(dismissed.text).toContain(`Elle n’y a pas donné suite${nnbsp}: rien n’a été changé.`);
    const suspended = renderEmail(
      'report.resolved',
      { ...input, subject: 'organisation', subjectLabel: 'Recyclerie du Val', outcome: 'suspended' },
      sampleContext('en'),
    );
    expect(suspended.text).toContain('your report of the structure “Recyclerie du Val”');
    expect(suspended.text).toContain('It suspended the structure concerned.');
  });
});

describe('listing.archived', () => {
  it('says the listing left the catalogue, with the reason as typed', () => {
    const input = sampleInputs['listing.archived'];
    const email = renderEmail('listing.archived', input, sampleContext('fr'));
    expect(email.subject).toBe(`Annonce archivée${nnbsp}: Friteuse professionnelle`);
    expect(email.text).toContain(`> ${input.reason}`);
    expect(email.text).toContain(input.url);
  });
});
