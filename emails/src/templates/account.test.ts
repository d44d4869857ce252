import { describe, expect, it } from 'vitest';
import { renderEmail, sampleContext, sampleInputs } from '../index.ts';

describe('account.signup_attempt', () => {
  it('tells the owner someone tried, when, and offers to sign in or choose a new password', () => {
    const email = renderEmail('account.signup_attempt', sampleInputs['account.signup_attempt'], sampleContext('fr'));
    expect(email.subject).toBe('Quelqu’un a voulu créer un compte avec votre adresse');
    // 17 h 40 UTC is 18 h 40 in Paris once the clocks went back (25 October 2026).
    expect(email.text).toMatch(/dimanche 25 octobre 2026/);
    expect(email.text).toMatch(/18\s?h\s?40/);
    expect(email.text).toContain('https://mutua.example.org/connexion');
    expect(email.text).toContain('https://mutua.example.org/mot-de-passe-oublie');
    expect(email.text).toContain('nous n’avons rien créé ni changé');
  });

  it('says it in English too', () => {
    const email = renderEmail('account.signup_attempt', sampleInputs['account.signup_attempt'], sampleContext('en'));
    expect(email.subject).toBe('Someone tried to create an account with your address');
    expect(email.html).toContain('Choose a new password');
  });
});
