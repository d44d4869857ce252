import type { ErrorDetail, ItemCondition, ItemDetail, ItemFee, ListingVisibility } from '@mutua/server/contract';
import { amountText, changedFields, collect, type Parsed, parseAmount, parseWholeNumber } from './form-values.ts';
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
  'horizonDays',
  'bufferDays',
  'handoverWeekdays',
  'handoverOpensAt',
  'handoverClosesAt',
  'visibility',
] as const;
export type ItemFormField = (typeof itemFormFields)[number];
/** Every field as typed; `handoverWeekdays` holds the ticked days, comma-separated ("1,2,5"). */
export type ItemFormValues = Record<ItemFormField, string>;

/** The form as posted: text fields trimmed, the ticked weekdays gathered (they share one name). */
export function itemFormValues(form: FormData): ItemFormValues {
  const values = Object.fromEntries(
    itemFormFields.map((name) => [name, String(form.get(name) ?? '').trim()]),
  ) as ItemFormValues;
  values.handoverWeekdays = form
    .getAll('handoverWeekdays')
    .map((day) => String(day).trim())
    .join(',');
  return values;
}

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
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  handoverWeekdays?: number[];
  /** 'HH:MM' in Paris, both or neither. */
  handoverOpensAt: string | null;
  handoverClosesAt: string | null;
  bufferDays?: number;
  horizonDays?: number;
  visibility?: ListingVisibility;
};

/** 1 = Monday … 7 = Sunday. */
export const allWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

const conditions: readonly ItemCondition[] = ['new', 'very_good', 'good', 'worn'];
const fees: readonly ItemFee[] = ['free', 'per_day', 'per_loan'];
const visibilities: readonly ListingVisibility[] = ['networks', 'all'];
const oneOf = <T extends string>(choices: readonly T[], value: string): T | undefined =>
  choices.find((choice) => choice === value);

/** A new item's form: the API's defaults, so that what is shown is what will be saved. */
export function newItemValues(): ItemFormValues {
  return {
    ...(Object.fromEntries(itemFormFields.map((field) => [field, ''])) as ItemFormValues),
    quantity: '1',
    condition: 'good',
    fee: 'free',
    minLoanDays: '1',
    minNoticeDays: '0',
    horizonDays: '180',
    bufferDays: '0',
    handoverWeekdays: allWeekdays.join(','),
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
    horizonDays: String(item.horizonDays),
    bufferDays: String(item.bufferDays),
    handoverWeekdays: item.handoverWeekdays.join(','),
    handoverOpensAt: item.handoverOpensAt ?? '',
    handoverClosesAt: item.handoverClosesAt ?? '',
    visibility: item.visibility,
  };
}

/**
 * The API body for what was typed. Empty optional numbers are left to the API's defaults; an
 * emptied deposit or maximum length means "none" (null). A free loan carries no amount; a paid
 * one must say how much (checked here so that the message can name the field).
 */
export function itemInput(values: ItemFormValues): { input: ItemInput; errors: ErrorDetail[] } {
  const parsed = collect();
  const fee = oneOf(fees, values.fee) ?? 'free';
  const feeAmount = fee === 'free' ? null : (parsed.take(parseAmount('feeAmount', values.feeAmount)) ?? null);
  if (fee !== 'free' && feeAmount === null && !parsed.errors.some((error) => error.path === 'feeAmount')) {
    parsed.errors.push({ path: 'feeAmount', code: 'required', message: '' });
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
    horizonDays: parsed.take(parseWholeNumber('horizonDays', values.horizonDays)) ?? undefined,
    bufferDays: parsed.take(parseWholeNumber('bufferDays', values.bufferDays)) ?? undefined,
    handoverWeekdays: parsed.take(parseWeekdays('handoverWeekdays', values.handoverWeekdays)),
    ...handoverHours(parsed, values.handoverOpensAt, values.handoverClosesAt),
    visibility: oneOf(visibilities, values.visibility),
  };
  return { input, errors: parsed.errors };
}

/** The ticked days, "1,3,5" → [1, 3, 5] (each once, in order); at least one is needed. */
function parseWeekdays(field: string, text: string): Parsed<number[]> {
  const days = [
    ...new Set(
      text
        .split(',')
        .map((day) => day.trim())
        .filter((day) => /^[1-7]$/.test(day))
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  return days.length > 0
    ? { ok: true, value: days }
    : { ok: false, error: { path: field, code: 'minItems', message: '' } };
}

/** "9:30", "09:30", "9h30", "09:30:00" → "09:30"; "" → null. */
function parseClock(field: string, text: string): Parsed<string | null> {
  const compact = text.replace(/\s/g, '');
  if (compact === '') return { ok: true, value: null };
  const match = /^([01]?\d|2[0-3])[:hH]([0-5]\d)?(?::[0-5]\d)?$/.exec(compact);
  if (!match) return { ok: false, error: { path: field, code: 'pattern', message: '' } };
  return { ok: true, value: `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}` };
}

/** The pickup hours: both or neither, the end after the start. */
function handoverHours(parsed: ReturnType<typeof collect>, opensText: string, closesText: string) {
  const opensAt = parsed.take(parseClock('handoverOpensAt', opensText));
  const closesAt = parsed.take(parseClock('handoverClosesAt', closesText));
  if (opensAt === undefined || closesAt === undefined)
    return { handoverOpensAt: opensAt ?? null, handoverClosesAt: closesAt ?? null };
  if (opensAt === null && closesAt !== null) parsed.errors.push({ path: 'handoverOpensAt', code: 'pair', message: '' });
  if (opensAt !== null && closesAt === null)
    parsed.errors.push({ path: 'handoverClosesAt', code: 'pair', message: '' });
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt)
    parsed.errors.push({ path: 'handoverClosesAt', code: 'order', message: '' });
  return { handoverOpensAt: opensAt, handoverClosesAt: closesAt };
}

/** A new item's body: fields left empty are not sent, so the API's defaults (the structure's address…) apply. */
export function itemCreateBody(input: ItemInput): Partial<ItemInput> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  ) as Partial<ItemInput>;
}

/** An edit's body: only what changed since the item was loaded. */
export function itemPatchBody(item: ItemDetail, lang: Locale, input: ItemInput): Partial<ItemInput> {
  return changedFields(itemInput(itemValues(item, lang)).input, input);
}
