import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '$lib/api-types';
import { itemCreateBody, itemInput, itemPatchBody, itemValues, newItemValues } from './item-form.ts';

const typed = (changes: Partial<ReturnType<typeof newItemValues>>) => ({ ...newItemValues(), title: 'Tonnelle 3x3', categoryId: 'tonnelles', ...changes });

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
      visibility: 'networks',
    });
  });

  it('sends no amount for a free loan, and asks for one when the loan is paid', () => {
    expect(itemInput(typed({ fee: 'free', feeAmount: '5' })).input.feeAmount).toBeNull();
    expect(itemInput(typed({ fee: 'per_day', feeAmount: '2,50' })).input.feeAmount).toBe(2.5);
    expect(itemInput(typed({ fee: 'per_loan', feeAmount: '' })).errors).toEqual([{ field: 'feeAmount', rule: 'required', message: '' }]);
    expect(itemInput(typed({ fee: 'per_loan', feeAmount: 'cinq' })).errors).toEqual([{ field: 'feeAmount', rule: 'amount', message: '' }]);
  });

  it('reports every number it cannot read', () => {
    const { errors } = itemInput(typed({ quantity: 'deux', deposit: '1,2,3', maxLoanDays: '7j' }));
    expect(errors.map((error) => error.field)).toEqual(['quantity', 'deposit', 'maxLoanDays']);
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
    visibility: 'networks',
  } as unknown as ItemDetail;

  it('sends nothing when the form comes back unchanged', () => {
    expect(itemPatchBody(item, 'fr', itemInput(itemValues(item, 'fr')).input)).toEqual({});
  });

  it('sends only what changed; a free loan drops its amount, an emptied deposit becomes null', () => {
    const values = { ...itemValues(item, 'fr'), fee: 'free', deposit: '', quantity: '2' };
    expect(itemPatchBody(item, 'fr', itemInput(values).input)).toEqual({ quantity: 2, deposit: null, fee: 'free', feeAmount: null });
  });
});
