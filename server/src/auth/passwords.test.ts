import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { assertStrongPassword, personalWords } from './passwords.ts';

async function refusal(password: string, personal: string[] = []) {
  try {
    await assertStrongPassword(password, 'password', personal);
    return null;
  } catch (error) {
    return error as AppError;
  }
}

describe('assertStrongPassword', () => {
  it.each(['1234567890', ' '.repeat(10), 'azertyuiop', 'motdepasse', 'qwertyuiop', 'aaaaaaaaaaaa', '0123456789'])(
    'refuses %j with a 400 about the field, in French',
    async (password) => {
      const error = await refusal(password);
      expect(error).toBeInstanceOf(AppError);
      expect(error!.statusCode).toBe(400);
      expect(error!.code).toBe('validation_failed');
      expect(error!.details).toEqual([
        { path: 'password', code: 'strength', message: expect.stringMatching(/^Mot de passe trop facile à deviner/) },
      ]);
    },
  );

  it('refuses a password made of the person’s own address or name', async () => {
    const camille = { email: 'camille.durand@tisserands.fr', name: 'Camille Durand' };
    expect(await refusal('camille.durand', personalWords(camille))).toBeInstanceOf(AppError);
    expect(await refusal('camille.durand')).toBeNull();
  });

  it.each([
    // The tests', the demo's (with a demo account's words), the benchmarks' and the browser journeys' passwords.
    ['mot-de-passe-de-test', []],
    ['demo-mutua', personalWords({ email: 'admin@demo.mutua.fr', name: 'Admin Démo' })],
    ['banc-de-mesure', []],
    ['trois mots au moins', []],
    ['un tout nouveau mot de passe', []],
    ['une-phrase-assez-longue', []],
  ])('accepts %j', async (password, personal) => {
    expect(await refusal(password, personal)).toBeNull();
  });

  it('checks a long password quickly (only its start counts)', async () => {
    await assertStrongPassword('mot-de-passe-de-test', 'password');
    const started = performance.now();
    for (const password of ['Ab1!'.repeat(50), '1a!@'.repeat(50), 'é€$£%'.repeat(40), 'x'.repeat(200)])
      await refusal(password);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
