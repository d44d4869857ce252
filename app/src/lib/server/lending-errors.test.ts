import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import {
  bookingErrorMessage,
  lendingFormErrors,
  listingFormErrors,
  transitionBody,
  validationError,
} from './lending-errors.ts';

const fr = translator('fr');
const en = translator('en');

describe('booking errors', () => {
  const taken = {
    error: 'item_unavailable',
    message: 'Ce matériel n’est plus libre à ces dates : un autre prêt a été accepté entre-temps.',
  };

  it('shows the API’s French sentence to French readers, ours to English ones', () => {
    expect(bookingErrorMessage(fr, taken)).toBe(taken.message);
    expect(bookingErrorMessage(en, taken)).toBe(
      'These dates are no longer free: another request was accepted in the meantime.',
    );
    expect(bookingErrorMessage(fr, { error: 'item_unavailable', message: '' })).toBe(
      'Ces dates ne sont plus libres : une autre demande a été acceptée entre-temps.',
    );
  });

  it('puts a field’s error next to its input, in our words', () => {
    const noReason = {
      error: 'validation_failed',
      message: 'Requête invalide',
      details: [{ path: 'reason', code: 'required', message: 'Dites pourquoi…' }],
    };
    expect(lendingFormErrors(fr, noReason)).toEqual({
      message: 'Certains champs sont à corriger.',
      fields: { reason: 'Le prêt est déjà accepté : dites pourquoi vous l’annulez.' },
    });
    const order = validationError([{ path: 'endDate', code: 'order', message: '' }]);
    expect(lendingFormErrors(fr, order, { scope: 'blocked.' }).fields).toEqual({
      endDate: 'Le dernier jour doit suivre le premier.',
    });
  });

  it('lands the slots’ errors on their row, named by their dot path', () => {
    const api = {
      error: 'validation_failed',
      message: '',
      details: [
        { path: 'slots.1.endsAt', code: 'consistency', message: 'Un créneau finit après avoir commencé.' },
        { path: 'title', code: 'minLength', message: '' },
      ],
    };
    const errors = listingFormErrors(fr, api, { messageScope: 'service.', fieldOrder: ['title', 'slots'] });
    expect(Object.keys(errors.fields)).toEqual(['title', 'slots.1.endsAt']);
    expect(errors.fields['slots.1.endsAt']).toBe('La fin du créneau doit suivre son début.');
    expect(errors.fields.title).toBe('L’intitulé doit contenir au moins 3 caractères.');
  });

  it('words the availability settings of an item', () => {
    const api = {
      error: 'validation_failed',
      message: '',
      details: [{ path: 'handoverWeekdays', code: 'minItems', message: 'x' }],
    };
    expect(listingFormErrors(fr, api, { messageScope: 'item.', fieldOrder: [] }).fields.handoverWeekdays).toBe(
      'Cochez au moins un jour de retrait et de retour.',
    );
  });
});

describe('transitionBody', () => {
  it('sends only what the action takes, and nothing empty', () => {
    expect(transitionBody('accept', { message: 'À samedi !', reason: 'x' })).toEqual({ message: 'À samedi !' });
    expect(transitionBody('decline', { reason: '' })).toEqual({});
    expect(transitionBody('return', { condition: 'damaged', incidentNote: 'Une sardine manque.' })).toEqual({
      condition: 'damaged',
      incidentNote: 'Une sardine manque.',
    });
    expect(transitionBody('return', { condition: 'lost', incidentNote: '' })).toEqual({});
    expect(transitionBody('close', { feedback: 'Merci !' })).toEqual({ feedback: 'Merci !' });
  });
});
