import { describe, expect, it } from 'vitest';
import type { EmailInputs } from '../contract.ts';
import { renderEmail, sampleContext, sampleInputs } from '../index.ts';

const request = sampleInputs['booking.requested'];
const buttonLabelled = (label: string) => new RegExp(`class="m-(primary|secondary)"[^>]*>${label}</a>`);

describe('booking.requested', () => {
  const render = (input: EmailInputs['booking.requested'], locale: 'fr' | 'en' = 'fr') =>
    renderEmail('booking.requested', input, sampleContext(locale));

  it('shows what, how many, when, the borrower’s message as typed and when it expires', () => {
    const { text } = render(request);
    expect(text).toContain('- 2 × Tonnelle 3×3 m');
    expect(text).toContain('du mardi 31 mars au jeudi 2 avril 2026');
    expect(text).toContain(
      '> Bonjour, c’est pour la fête de quartier du Pile, le mercredi après-midi.\n> Nous pouvons venir avec notre utilitaire. Merci d’avance !',
    );
    expect(text).toContain('la demande expirera le vendredi 27 mars 2026 à 18\u00a0h\u00a000');
  });

  it('offers Accepter / Refuser buttons with the link to the request when the links are given', () => {
    const { html, text } = render(request);
    expect(html).toMatch(buttonLabelled('Accepter'));
    expect(html).toMatch(buttonLabelled('Refuser'));
    expect(html).toContain(`href="${request.acceptUrl}"`);
    expect(html).toContain(`href="${request.declineUrl}"`);
    expect(html).toContain(`href="${request.booking.url}"`);
    expect(text).toContain(`Accepter\u202f: ${request.acceptUrl}`);
    expect(text).toContain(`Refuser\u202f: ${request.declineUrl}`);
    const english = render(request, 'en');
    expect(english.html).toMatch(buttonLabelled('Accept'));
    expect(english.html).toMatch(buttonLabelled('Decline'));
  });

  it('has only the link to the request, as the button, without them', () => {
    const { html, text } = render({ ...request, acceptUrl: null, declineUrl: null });
    expect(html).not.toMatch(/Accepter|Refuser|accepter\?|refuser\?/);
    expect(text).not.toMatch(/Accepter|Refuser/);
    expect(html).toMatch(buttonLabelled('Voir la demande'));
    expect(text).toContain(`Voir la demande\u202f: ${request.booking.url}`);
  });

  it('shows each answer link that is given, and only that one', () => {
    const { html } = render({ ...request, declineUrl: null });
    expect(html).toMatch(buttonLabelled('Accepter'));
    expect(html).not.toMatch(buttonLabelled('Refuser'));
  });

  it('says nothing of a message or a deadline that are not there', () => {
    const { text } = render({ ...request, message: '', expiresAt: null });
    expect(text).not.toContain('Message joint');
    expect(text).not.toContain('expirera');
  });
});

describe('booking.declined', () => {
  type Input = EmailInputs['booking.declined'];
  const rendered = (reason: Input['reason'], locale: 'fr' | 'en' = 'fr', side: Input['side'] = 'borrower') =>
    renderEmail('booking.declined', { booking: request.booking, reason, side }, sampleContext(locale));
  const reasonText = (reason: Input['reason'], locale: 'fr' | 'en' = 'fr', side: Input['side'] = 'borrower') =>
    rendered(reason, locale, side).text;
  const { lenderName, borrowerName } = request.booking;

  it('phrases the reason codes', () => {
    expect(reasonText({ code: 'dates_taken' })).toContain(
      'Le matériel n’est plus libre à ces dates\u202f: une autre demande vient d’être acceptée.',
    );
    expect(reasonText({ code: 'slot_taken' })).toContain(
      'Ce créneau n’est plus libre\u202f: une autre demande vient d’être acceptée.',
    );
    expect(reasonText({ code: 'dates_taken' }, 'en')).toContain(
      'The items are no longer free on these dates: another request has just been accepted.',
    );
  });

  it('tells each side of a request closed by a suspension, as a fact, and the suspended side about itself', () => {
    expect(reasonText({ code: 'lender_suspended' })).toContain(
      `La structure à laquelle vous avez fait cette demande, ${lenderName}, n’est plus active sur Mutua\u202f: votre demande est close.`,
    );
    expect(reasonText({ code: 'lender_suspended' })).toContain('D’autres structures du réseau prêtent peut-être');
    expect(reasonText({ code: 'lender_suspended' }, 'fr', 'lender')).toContain(
      `Votre structure n’est plus active sur Mutua\u202f: la demande de ${borrowerName} est close.`,
    );
    expect(reasonText({ code: 'borrower_suspended' }, 'fr', 'lender')).toContain(
      `La structure qui vous a fait cette demande, ${borrowerName}, n’est plus active sur Mutua\u202f: sa demande est close. Vous n’avez rien à faire.`,
    );
    const ownSuspension = reasonText({ code: 'borrower_suspended' });
    expect(ownSuspension).toContain(
      `Votre structure n’est plus active sur Mutua\u202f: votre demande à ${lenderName} est close.`,
    );
    expect(ownSuspension).toContain('écrivez à l’équipe de votre réseau');
    expect(ownSuspension).not.toContain('D’autres structures');
    expect(reasonText({ code: 'lender_suspended' }, 'en')).toContain(
      `${lenderName}, the structure you made this request to, is no longer active on Mutua: your request is closed.`,
    );
    expect(reasonText({ code: 'borrower_suspended' }, 'en', 'lender')).toContain(
      `${borrowerName}, the structure that made this request, is no longer active on Mutua: its request is closed.`,
    );
    // Not « X ne peut pas donner suite »: nobody declined it.
    expect(rendered({ code: 'lender_suspended' }).subject).toMatch(/^Demande close\u202f: Tonnelle/);
    expect(ownSuspension).not.toContain('ne peut pas donner suite');
  });

  it('tells both sides of a request closed because the person who made it was suspended, blaming no structure', () => {
    const asking = reasonText({ code: 'requester_suspended' });
    expect(asking).toContain(
      `La personne qui a fait cette demande pour votre structure a été suspendue par le réseau\u202f: votre demande à ${lenderName} est close.`,
    );
    expect(asking).toContain('une autre personne de la structure peut refaire la demande');
    expect(asking).not.toContain('n’est plus active');
    const asked = reasonText({ code: 'requester_suspended' }, 'fr', 'lender');
    expect(asked).toContain(
      `La personne qui a fait la demande a été suspendue par le réseau\u202f: la demande de ${borrowerName} est close. Vous n’avez rien à faire.`,
    );
    expect(asked).not.toContain('D’autres structures');
    expect(reasonText({ code: 'requester_suspended' }, 'en', 'lender')).toContain(
      'The person who made the request was suspended by the network',
    );
    expect(rendered({ code: 'requester_suspended' }).subject).toMatch(/^Demande close\u202f: Tonnelle/);
  });

  it('quotes the lender’s own words as typed, or says nothing more without them', () => {
    expect(reasonText({ code: 'lender', text: 'Désolés : la tonnelle est en réparation !' })).toContain(
      'Motif indiqué\u202f:\n> Désolés : la tonnelle est en réparation !',
    );
    const silent = reasonText({ code: 'lender', text: null });
    expect(silent).not.toContain('Motif');
    expect(silent).not.toContain('une autre demande');
  });
});

describe('booking.cancelled', () => {
  it('names who cancelled and tells the lender their dates are free again', () => {
    const byBorrower = renderEmail('booking.cancelled', sampleInputs['booking.cancelled'], sampleContext('fr')).text;
    expect(byBorrower).toContain('Centre social Les Tisserands a annulé sa demande.');
    expect(byBorrower).toContain('de nouveau disponible');
    const byLender = renderEmail(
      'booking.cancelled',
      { ...sampleInputs['booking.cancelled'], by: 'lender' },
      sampleContext('fr'),
    ).text;
    expect(byLender).toContain('La Tonnelle Solidaire a annulé le prêt.');
    expect(byLender).not.toContain('de nouveau disponible');
  });
});
