import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import { describeApiError, textFields, toFormErrors } from './form-errors.ts';

const t = translator('fr');

describe('toFormErrors', () => {
  it('puts a catalogue message on each field, in the order of the form', () => {
    const errors = toFormErrors(
      t,
      {
        error: 'validation_failed',
        message: 'Requête invalide : …',
        details: [
          {
            path: 'password',
            code: 'minLength',
            message: 'Le champ « password » doit contenir au moins 10 caractères.',
          },
          {
            path: 'organisation.postcode',
            code: 'pattern',
            message: 'Le champ « organisation.postcode » n’a pas le bon format.',
          },
          { path: 'name', code: 'minLength', message: '…' },
        ],
      },
      { params: { min: 10 }, fieldOrder: ['name', 'email', 'password', 'organisation.postcode'] },
    );
    expect(errors.message).toBe('Certains champs sont à corriger.');
    expect(Object.entries(errors.fields)).toEqual([
      ['name', 'Indiquez votre nom.'],
      ['password', 'Le mot de passe doit contenir au moins 10 caractères.'],
      ['organisation.postcode', 'Le code postal compte 5 chiffres, par exemple 59000.'],
    ]);
  });

  it('uses the scope for fields named alike in two forms, then the rule, then the API message', () => {
    const error = {
      error: 'validation_failed',
      message: '',
      details: [
        { path: 'name', code: 'minLength', message: '' },
        { path: 'description', code: 'minLength', message: '' },
        { path: 'description', code: 'maxLength', message: 'second error on one field: ignored' },
        { path: 'address', code: 'somethingNew', message: 'Message de l’API.' },
      ],
    };
    const errors = toFormErrors(t, error, { messageScope: 'organisation.' });
    expect(errors.fields).toEqual({
      name: 'Le nom de la structure doit contenir au moins 2 caractères.',
      description: 'Ce champ est trop court.',
      address: 'Message de l’API.',
    });
  });
});

describe('describeApiError', () => {
  it('translates a known code, keeps the API sentence for an unknown one', () => {
    expect(translator('en').maybe('errors.invalid_credentials')).toBe('Incorrect email address or password.');
    expect(
      describeApiError(translator('en'), {
        error: 'invalid_credentials',
        message: 'Adresse e-mail ou mot de passe incorrect.',
      }),
    ).toBe('Incorrect email address or password.');
    expect(describeApiError(t, { error: 'a_code_from_the_future', message: 'Une phrase de l’API.' })).toBe(
      'Une phrase de l’API.',
    );
  });
});

describe('textFields', () => {
  it('reads each named field as trimmed text, empty when absent', () => {
    const form = new FormData();
    form.set('name', '  Léa  ');
    expect(textFields(form, ['name', 'city'])).toEqual({ name: 'Léa', city: '' });
  });
});
