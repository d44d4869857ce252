import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeValidationError, toFieldErrors } from './validation-messages.ts';

const error = (keyword: string, instancePath: string, params: Record<string, unknown>) =>
  ({ keyword, instancePath, schemaPath: '', params, message: '' }) as FastifySchemaValidationError;

describe('validation messages', () => {
  it('names the nested field, in French', () => {
    const details = toFieldErrors([
      error('required', '/organisation', { missingProperty: 'postcode' }),
      error('minLength', '/password', { limit: 10 }),
      error('additionalProperties', '', { additionalProperty: 'isAdmin' }),
    ]);
    expect(details).toEqual([
      {
        field: 'organisation.postcode',
        rule: 'required',
        message: 'Le champ « organisation.postcode » est obligatoire.',
      },
      { field: 'password', rule: 'minLength', message: 'Le champ « password » doit contenir au moins 10 caractères.' },
      { field: 'isAdmin', rule: 'additionalProperties', message: "Le champ « isAdmin » n'est pas attendu." },
    ]);
    expect(describeValidationError(details)).toBe(
      'Requête invalide : le champ « organisation.postcode » est obligatoire. (et 2 autre(s) erreur(s))',
    );
  });

  it('says what a day, an instant, an amount and a cursor must be', () => {
    const [day, instant, amount, cursor] = toFieldErrors([
      error('format', '/startDate', { format: 'date' }),
      error('format', '/startsAt', { format: 'date-time' }),
      error('multipleOf', '/deposit', { multipleOf: 0.01 }),
      error('format', '/cursor', { format: 'search-cursor' }),
    ]);
    expect(day!.message).toBe('Le champ « startDate » doit être un jour qui existe (AAAA-MM-JJ), entre 1900 et 2999.');
    expect(instant!.message).toContain('entre 1900 et 2999');
    expect(amount).toMatchObject({ field: 'deposit', rule: 'multipleOf', message: expect.stringContaining('centime') });
    expect(cursor).toMatchObject({ field: 'cursor', rule: 'format', message: expect.stringContaining('curseur') });
  });

  it('names the part of the request when the whole of it is wrong', () => {
    expect(toFieldErrors([error('type', '', { type: 'object' })], 'body')[0]!.field).toBe('corps');
  });
});
