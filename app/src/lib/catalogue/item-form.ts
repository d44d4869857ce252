import type { FieldError, ItemCondition, ItemDetail, ItemFee, ListingVisibility } from '$lib/api-types';
import { amountText, changedFields, collect, parseAmount, parseWholeNumber } from './form-values.ts';
import type { Locale } from '$lib/i18n';

/** The inputs of the item form, named as the API names its fields (errors land next to them). */
export const itemFormFields = [
  'title',
  'categoryId',
  'description',
  'quantity',
  'condition',
  'replacementValue',
  'deposit',
  'fee',
  'feeAmount',
  'pickupAddress',
  'pickupCity',
  'pickupPostcode',
  'pickupInstructions',
  'usageRules',
  'minLoanDays',
  'maxLoanDays',
  'minNoticeDays',
  'visibility',
] as const;
export type ItemFormField = (typeof itemFormFields)[number];
export type ItemFormValues = Record<ItemFormField, string>;

/** What POST /api/items and PATCH /api/items/:id take (without organisationId and status). */
export type ItemInput = {
  title: string;
  categoryId: string;
  description: string;
  quantity?: number;
  condition?: ItemCondition;
  replacementValue?: number;
  deposit: number | null;
  fee: ItemFee;
  feeAmount: number | null;
  pickupAddress: string;
  pickupCity?: string;
  pickupPostcode?: string;
  pickupInstructions: string;
  usageRules: string;
  minLoanDays?: number;
  maxLoanDays: number | null;
  minNoticeDays?: number;
  visibility?: ListingVisibility;
};

const conditions: readonly ItemCondition[] = ['new', 'very_good', 'good', 'worn'];
const fees: readonly ItemFee[] = ['free', 'per_day', 'per_loan'];
const visibilities: readonly ListingVisibility[] = ['networks', 'all'];
const oneOf = <T extends string>(choices: readonly T[], value: string): T | undefined => choices.find((choice) => choice === value);

/** A new item's form: the API's defaults, so that what is shown is what will be saved. */
export function newItemValues(): ItemFormValues {
  return {
    ...(Object.fromEntries(itemFormFields.map((field) => [field, ''])) as ItemFormValues),
    quantity: '1',
    condition: 'good',
    fee: 'free',
    minLoanDays: '1',
    minNoticeDays: '0',
    visibility: 'networks',
  };
}

/** An item's form, filled from the item. */
export function itemValues(item: ItemDetail, lang: Locale): ItemFormValues {
  return {
    title: item.title,
    categoryId: item.category.id,
    description: item.description,
    quantity: String(item.quantity),
    condition: item.condition,
    replacementValue: item.replacementValue > 0 ? amountText(lang, item.replacementValue) : '',
    deposit: amountText(lang, item.deposit),
    fee: item.fee,
    feeAmount: amountText(lang, item.feeAmount),
    pickupAddress: item.pickupAddress,
    pickupCity: item.pickupCity,
    pickupPostcode: item.pickupPostcode,
    pickupInstructions: item.pickupInstructions,
    usageRules: item.usageRules,
    minLoanDays: String(item.minLoanDays),
    maxLoanDays: item.maxLoanDays === null ? '' : String(item.maxLoanDays),
    minNoticeDays: String(item.minNoticeDays),
    visibility: item.visibility,
  };
}

/**
 * The API body for what was typed. Empty optional numbers are left to the API's defaults; an
 * emptied deposit or maximum length means "none" (null). A free loan carries no amount; a paid
 * one must say how much (checked here so that the message can name the field).
 */
export function itemInput(values: ItemFormValues): { input: ItemInput; errors: FieldError[] } {
  const parsed = collect();
  const fee = oneOf(fees, values.fee) ?? 'free';
  const feeAmount = fee === 'free' ? null : (parsed.take(parseAmount('feeAmount', values.feeAmount)) ?? null);
  if (fee !== 'free' && feeAmount === null && !parsed.errors.some((error) => error.field === 'feeAmount')) {
    parsed.errors.push({ field: 'feeAmount', rule: 'required', message: '' });
  }
  const input: ItemInput = {
    title: values.title,
    categoryId: values.categoryId,
    description: values.description,
    quantity: parsed.take(parseWholeNumber('quantity', values.quantity)) ?? undefined,
    condition: oneOf(conditions, values.condition),
    replacementValue: parsed.take(parseAmount('replacementValue', values.replacementValue)) ?? undefined,
    deposit: parsed.take(parseAmount('deposit', values.deposit)) ?? null,
    fee,
    feeAmount,
    pickupAddress: values.pickupAddress,
    pickupCity: values.pickupCity || undefined,
    pickupPostcode: values.pickupPostcode || undefined,
    pickupInstructions: values.pickupInstructions,
    usageRules: values.usageRules,
    minLoanDays: parsed.take(parseWholeNumber('minLoanDays', values.minLoanDays)) ?? undefined,
    maxLoanDays: parsed.take(parseWholeNumber('maxLoanDays', values.maxLoanDays)) ?? null,
    minNoticeDays: parsed.take(parseWholeNumber('minNoticeDays', values.minNoticeDays)) ?? undefined,
    visibility: oneOf(visibilities, values.visibility),
  };
  return { input, errors: parsed.errors };
}

/** A new item's body: fields left empty are not sent, so the API's defaults (the structure's address…) apply. */
export function itemCreateBody(input: ItemInput): Partial<ItemInput> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== '')) as Partial<ItemInput>;
}

/** An edit's body: only what changed since the item was loaded. */
export function itemPatchBody(item: ItemDetail, lang: Locale, input: ItemInput): Partial<ItemInput> {
  return changedFields(itemInput(itemValues(item, lang)).input, input);
}
