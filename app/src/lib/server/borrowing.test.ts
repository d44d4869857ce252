import { describe, expect, it } from 'vitest';
import type { Me } from '@mutua/server/contract';
import { translator } from '../i18n/index.ts';
import { bookableWindow, bookingFormErrors, borrowerStructures, checkRequest, requestBody } from './borrowing.ts';

const fr = translator('fr');
const en = translator('en');

describe('bookableWindow', () => {
  it('counts the notice and the horizon from a Paris day', () => {
    expect(bookableWindow({ minNoticeDays: 2, horizonDays: 90 }, '2027-10-30')).toEqual({
      today: '2027-10-30',
      firstBookableDay: '2027-11-01',
      lastBookableDay: '2028-01-28',
    });
  });
});

describe('borrowerStructures', () => {
  const membership = (id: string, canTrade: boolean) => ({
    role: 'member' as const,
    status: 'active' as const,
    canTrade,
    organisation: {
      id,
      name: `Structure ${id}`,
      kind: 'association' as const,
      status: 'active' as const,
      city: 'Roubaix',
    },
  });
  const me = {
    user: { id: 'u', email: 'a@b.fr', name: 'Léa', locale: 'fr', emailVerified: true, emailUndeliverable: false },
    memberships: [membership('a', true), membership('b', false), membership('c', true)],
    networkRoles: [],
  } as Me;

  it('keeps the structures that may trade, the lender left out', () => {
    expect(borrowerStructures(me, 'c')).toEqual([{ id: 'a', name: 'Structure a' }]);
    expect(borrowerStructures(null)).toEqual([]);
  });
});

describe('checkRequest', () => {
  it('asks for both days, in order', () => {
    expect(checkRequest(fr, { startDate: '', endDate: '2027-06-12', quantity: '1' })?.fields).toEqual({
      startDate: 'Choisissez le premier jour du prêt.',
    });
    expect(checkRequest(fr, { startDate: '2027-06-14', endDate: '2027-06-12', quantity: '1' })?.fields).toEqual({
      endDate: 'Le dernier jour doit être le même que le premier, ou le suivre.',
    });
    expect(checkRequest(fr, { startDate: '2027-02-30', endDate: 'demain', quantity: '1' })?.fields).toMatchObject({
      startDate: expect.any(String),
      endDate: expect.any(String),
    });
  });

  it('asks for a whole quantity the item has', () => {
    expect(checkRequest(fr, { startDate: '2027-06-12', endDate: '2027-06-12', quantity: '' })).toBeNull();
    expect(checkRequest(fr, { startDate: '2027-06-12', endDate: '2027-06-14', quantity: '3' }, 4)).toBeNull();
    expect(checkRequest(fr, { startDate: '2027-06-12', endDate: '2027-06-14', quantity: '5' }, 4)?.fields).toEqual({
      quantity: 'Choisissez une quantité entre 1 et 4.',
    });
    expect(
      checkRequest(fr, { startDate: '2027-06-12', endDate: '2027-06-14', quantity: '1,5' })?.fields.quantity,
    ).toBeDefined();
  });
});

describe('requestBody', () => {
  it('sends what was filled in, numbers as numbers', () => {
    const values = { startDate: '2027-06-12', endDate: '2027-06-14', quantity: '2', organisationId: '', message: '' };
    expect(requestBody('item-1', values)).toEqual({
      itemId: 'item-1',
      startDate: '2027-06-12',
      endDate: '2027-06-14',
      quantity: 2,
    });
    expect(requestBody('item-1', { ...values, message: 'Pour la fête', organisationId: 'org-2' })).toMatchObject({
      message: 'Pour la fête',
      organisationId: 'org-2',
    });
  });
});

describe('bookingFormErrors', () => {
  const ruleBroken = {
    error: 'booking_rule',
    message: 'Le retrait n’est pas possible le mercredi : retrait et retour le mardi, le jeudi et le samedi.',
    details: [
      {
        path: 'startDate',
        code: 'handover_day',
        message: 'Le retrait n’est pas possible le mercredi : retrait et retour le mardi, le jeudi et le samedi.',
      },
    ],
  };

  it('shows the rule the API names, next to its field', () => {
    expect(bookingFormErrors(fr, ruleBroken)).toEqual({
      message: ruleBroken.message,
      fields: { startDate: ruleBroken.details[0]!.message },
    });
  });

  it('says taken dates in the summary', () => {
    const taken = { error: 'item_unavailable', message: 'Ce matériel n’est plus libre à ces dates.' };
    expect(bookingFormErrors(fr, taken)).toEqual({ message: taken.message, fields: {} });
  });

  it('keeps the app’s sentences for invalid fields, and leaves out fields the form lacks', () => {
    const invalid = {
      error: 'validation_failed',
      message: 'Certains champs sont invalides.',
      details: [
        { path: 'itemId', code: 'format', message: 'Identifiant invalide.' },
        { path: 'quantity', code: 'minimum', message: 'Trop petit.' },
      ],
    };
    expect(bookingFormErrors(fr, invalid)).toEqual({
      message: 'Certains champs sont à corriger.',
      fields: { quantity: 'Ce nombre est trop petit.' },
    });
    expect(bookingFormErrors(fr, { ...invalid, details: invalid.details.slice(0, 1) }).message).toBe(
      'Ce champ n’a pas le bon format.',
    );
  });

  it('gives English readers the app’s sentence when it has one', () => {
    expect(bookingFormErrors(en, { error: 'organisation_not_active', message: 'Votre structure…' }).message).toBe(
      en('errors.organisation_not_active'),
    );
  });
});
