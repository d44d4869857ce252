import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeValidationError, toErrorDetails } from './validation-messages.ts';

const error = (keyword: string, instancePath: string, params: Record<string, unknown>) =>
  ({ keyword, instancePath, schemaPath: '', params, message: '' }) as FastifySchemaValidationError;

describe('validation messages', () => {
  it('names the nested field by its dot path, in French', () => {
    const details = toErrorDetails([
      error('required', '/organisation', { missingProperty: 'postcode' }),
      error('minLength', '/password', { limit: 10 }),
      error('additionalProperties', '', { additionalProperty: 'isAdmin' }),
      error('format', '/slots/0/endsAt', { format: 'time' }),
    ]);
    expect(details).toEqual([
      {
        path: 'organisation.postcode',
        code: 'required',
        message: 'Le champ « organisation.postcode » est obligatoire.',
      },
      { path: 'password', code: 'minLength', message: 'Le champ « password » doit contenir au moins 10 caractères.' },
      { path: 'isAdmin', code: 'additionalProperties', message: "Le champ « isAdmin » n'est pas attendu." },
      { path: 'slots.0.endsAt', code: 'format', message: "Le champ « slots.0.endsAt » n'a pas le bon format (time)." },
    ]);
    expect(describeValidationError(details)).toBe(
      'Requête invalide : le champ « organisation.postcode » est obligatoire. (et 3 autre(s) erreur(s))',
    );
  });

  it('says what a day, an instant, an amount and a cursor must be', () => {
    const [day, instant, amount, cursor] = toErrorDetails([
      error('format', '/startDate', { format: 'date' }),
      error('format', '/startsAt', { format: 'date-time' }),
      error('multipleOf', '/deposit', { multipleOf: 0.01 }),
      error('format', '/cursor', { format: 'search-cursor' }),
    ]);
    expect(day!.message).toBe('Le champ « startDate » doit être un jour qui existe (AAAA-MM-JJ), entre 1900 et 2999.');
    expect(instant!.message).toContain('entre 1900 et 2999');
    expect(amount).toMatchObject({ path: 'deposit', code: 'multipleOf', message: expect.stringContaining('centime') });
    expect(cursor).toMatchObject({ path: 'cursor', code: 'format', message: expect.stringContaining('curseur') });
  });

  it('gives the whole part of the request the empty path, and names it in the message', () => {
    expect(toErrorDetails([error('type', '', { type: 'object' })], 'body')).toEqual([
      { path: '', code: 'type', message: 'Le champ « corps » doit être de type object.' },
    ]);
  });

  it('never puts a slash in a path: a key keeps its JSON Pointer escape', () => {
    const details = toErrorDetails([
      error('type', '/a~1b/0', { type: 'string' }),
      error('additionalProperties', '/organisation', { additionalProperty: 'x/y' }),
    ]);
    expect(details.map((detail) => detail.path)).toEqual(['a~1b.0', 'organisation.x~1y']);
  });
});
