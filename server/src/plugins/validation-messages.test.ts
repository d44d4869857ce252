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

  it('names the part of the request when the whole of it is wrong', () => {
    expect(toFieldErrors([error('type', '', { type: 'object' })], 'body')[0]!.field).toBe('corps');
  });
});
