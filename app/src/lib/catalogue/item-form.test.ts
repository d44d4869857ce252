import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '@mutua/server/contract';
import { itemCreateBody, itemFormValues, itemInput, itemPatchBody, itemValues, newItemValues } from './item-form.ts';

const typed = (changes: Partial<ReturnType<typeof newItemValues>>) => ({
  ...newItemValues(),
  title: 'Tonnelle 3x3',
  categoryId: 'tonnelles',
  ...changes,
});

describe('itemInput', () => {
  it('turns a new item’s form into a body where empty fields leave the API’s defaults', () => {
    const { input, errors } = itemInput(typed({ deposit: '50', replacementValue: '180,90' }));
    expect(errors).toEqual([]);
    expect(itemCreateBody(input)).toEqual({
      title: 'Tonnelle 3x3',
      categoryId: 'tonnelles',
      quantity: 1,
      condition: 'good',
      replacementValue: 180.9,
      deposit: 50,
      fee: 'free',
      feeAmount: null,
      minLoanDays: 1,
      maxLoanDays: null,
      minNoticeDays: 0,
      horizonDays: 180,
      bufferDays: 0,
      handoverWeekdays: [1, 2, 3, 4, 5, 6, 7],
      handoverOpensAt: null,
      handoverClosesAt: null,
      visibility: 'networks',
    });
  });

  it('sends no amount for a free loan, and asks for one when the loan is paid', () => {
    expect(itemInput(typed({ fee: 'free', feeAmount: '5' })).input.feeAmount).toBeNull();
    expect(itemInput(typed({ fee: 'per_day', feeAmount: '2,50' })).input.feeAmount).toBe(2.5);
    expect(itemInput(typed({ fee: 'per_loan', feeAmount: '' })).errors).toEqual([
      { path: 'feeAmount', code: 'required', message: '' },
    ]);
    expect(itemInput(typed({ fee: 'per_loan', feeAmount: 'cinq' })).errors).toEqual([
      { path: 'feeAmount', code: 'amount', message: '' },
    ]);
  });

  it('reports every number it cannot read', () => {
    const { errors } = itemInput(typed({ quantity: 'deux', deposit: '1,2,3', maxLoanDays: '7j' }));
    expect(errors.map((error) => error.path)).toEqual(['quantity', 'deposit', 'maxLoanDays']);
  });
});

describe('availability settings', () => {
  it('gathers the ticked weekdays, each once and in order', () => {
    const form = new FormData();
    form.set('title', '  Tonnelle  ');
    for (const day of ['6', '2', '6', '9']) form.append('handoverWeekdays', day);
    const values = itemFormValues(form);
    expect(values.title).toBe('Tonnelle');
    expect(values.handoverWeekdays).toBe('6,2,6,9');
    expect(itemInput({ ...typed({}), handoverWeekdays: values.handoverWeekdays }).input.handoverWeekdays).toEqual([
      2, 6,
    ]);
  });

  it('asks for at least one weekday', () => {
    expect(itemInput(typed({ handoverWeekdays: '' })).errors).toEqual([
      { path: 'handoverWeekdays', code: 'minItems', message: '' },
    ]);
  });

  it('takes both handover hours or neither, the end after the start, as people type them', () => {
    expect(itemInput(typed({ handoverOpensAt: '9h30', handoverClosesAt: '18:00:00' })).input).toMatchObject({
      handoverOpensAt: '09:30',
      handoverClosesAt: '18:00',
    });
    expect(itemInput(typed({ handoverOpensAt: '09:00' })).errors).toEqual([
      { path: 'handoverClosesAt', code: 'pair', message: '' },
    ]);
    expect(itemInput(typed({ handoverClosesAt: '12:00' })).errors).toEqual([
      { path: 'handoverOpensAt', code: 'pair', message: '' },
    ]);
    expect(itemInput(typed({ handoverOpensAt: '14:00', handoverClosesAt: '09:00' })).errors).toEqual([
      { path: 'handoverClosesAt', code: 'order', message: '' },
    ]);
    expect(
      itemInput(typed({ handoverOpensAt: 'midi', handoverClosesAt: '25:00' })).errors.map((error) => error.code),
    ).toEqual(['pattern', 'pattern']);
  });

  it('reads the buffer and the horizon as whole days', () => {
    expect(itemInput(typed({ bufferDays: '2', horizonDays: '90' })).input).toMatchObject({
      bufferDays: 2,
      horizonDays: 90,
    });
    expect(itemInput(typed({ bufferDays: 'deux' })).errors).toEqual([
      { path: 'bufferDays', code: 'integer', message: '' },
    ]);
  });
});

describe('itemPatchBody', () => {
  const item = {
    title: 'Vélo cargo',
    category: { id: 'velos-cargos', name: 'Vélos cargos', parentId: 'mobilite' },
    description: '',
    quantity: 1,
    condition: 'good',
    replacementValue: 4500,
    deposit: 500,
    fee: 'per_day',
    feeAmount: 5,
    pickupAddress: '12 rue des Postes',
    pickupCity: 'Lille',
    pickupPostcode: '59000',
    pickupInstructions: '',
    usageRules: '',
    minLoanDays: 1,
    maxLoanDays: null,
    minNoticeDays: 0,
    handoverWeekdays: [1, 2, 3, 4, 5],
    handoverOpensAt: '09:00',
    handoverClosesAt: '17:30',
    bufferDays: 1,
    horizonDays: 180,
    visibility: 'networks',
  } as unknown as ItemDetail;

  it('sends nothing when the form comes back unchanged', () => {
    expect(itemPatchBody(item, 'fr', itemInput(itemValues(item, 'fr')).input)).toEqual({});
  });

  it('sends only what changed; a free loan drops its amount, an emptied deposit becomes null', () => {
    const values = { ...itemValues(item, 'fr'), fee: 'free', deposit: '', quantity: '2' };
    expect(itemPatchBody(item, 'fr', itemInput(values).input)).toEqual({
      quantity: 2,
      deposit: null,
      fee: 'free',
      feeAmount: null,
    });
  });

  it('sends the availability settings that changed: the whole list of days, the hours cleared together', () => {
    const values = {
      ...itemValues(item, 'fr'),
      handoverWeekdays: '1,3,5,6',
      handoverOpensAt: '',
      handoverClosesAt: '',
      horizonDays: '365',
    };
    expect(itemPatchBody(item, 'fr', itemInput(values).input)).toEqual({
      horizonDays: 365,
      handoverWeekdays: [1, 3, 5, 6],
      handoverOpensAt: null,
      handoverClosesAt: null,
    });
  });
});
