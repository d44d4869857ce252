import type {
  ErrorDetail,
  ListingVisibility,
  ServiceDetail,
  ServiceDomain,
  ServiceFormat,
  ServiceParticipation,
  ServiceSlot,
} from '@mutua/server/contract';
import { amountText, changedFields, collect, parseAmount, parseWholeNumber } from './form-values.ts';
import type { Locale } from '$lib/i18n';

/** The inputs of the service form, named as the API names its fields. */
export const serviceFormFields = [
  'title',
  'domain',
  'description',
  'format',
  'durationMinutes',
  'providerName',
  'participation',
  'price',
  'city',
  'postcode',
  'slots',
  'onRequest',
  'visibility',
] as const;
export type ServiceFormField = (typeof serviceFormFields)[number];
/** One weekly slot as typed: a weekday ("1" = lundi … "7"), and two clock times. */
export type SlotRow = { weekday: string; startsAt: string; endsAt: string };
/** Every field as typed; `onRequest` is "on" when ticked; the slots are rows (inputs `slots.<n>.weekday`…). */
export type ServiceFormValues = Record<Exclude<ServiceFormField, 'slots'>, string> & { slots: SlotRow[] };

/** A service offers at most this many weekly slots (the API's limit). */
export const maxSlots = 50;

/**
 * The form as posted: text fields trimmed, the slots' rows in order, the empty ones left out
 * (without JavaScript the form shows a few blank rows to fill).
 */
export function serviceFormValues(form: FormData): ServiceFormValues {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const values = Object.fromEntries(
    serviceFormFields.filter((name) => name !== 'slots').map((name) => [name, text(name)]),
  ) as Omit<ServiceFormValues, 'slots'>;
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = /^slots\.(\d{1,2})\.(weekday|startsAt|endsAt)$/.exec(key);
    if (match && Number(match[1]) < maxSlots) indexes.add(Number(match[1]));
  }
  const slots = [...indexes]
    .sort((a, b) => a - b)
    .map((index) => ({
      weekday: text(`slots.${index}.weekday`),
      startsAt: text(`slots.${index}.startsAt`),
      endsAt: text(`slots.${index}.endsAt`),
    }))
    .filter((row) => row.weekday || row.startsAt || row.endsAt);
  return { ...values, slots };
}

export type ServiceInput = {
  title: string;
  domain: string;
  description: string;
  format?: ServiceFormat;
  durationMinutes: number | null;
  providerName: string;
  participation: ServiceParticipation;
  price: number | null;
  city?: string;
  postcode?: string;
  /** Replaces all the slots. */
  slots?: ServiceSlot[];
  onRequest?: boolean;
  visibility?: ListingVisibility;
};

const formats: readonly ServiceFormat[] = ['on_site', 'remote', 'both'];
const participations: readonly ServiceParticipation[] = ['free', 'exchange', 'price'];
const visibilities: readonly ListingVisibility[] = ['networks', 'all'];
const oneOf = <T extends string>(choices: readonly T[], value: string): T | undefined =>
  choices.find((choice) => choice === value);

export function newServiceValues(): ServiceFormValues {
  return {
    ...(Object.fromEntries(serviceFormFields.filter((field) => field !== 'slots').map((field) => [field, ''])) as Omit<
      ServiceFormValues,
      'slots'
    >),
    format: 'on_site',
    participation: 'free',
    onRequest: 'on',
    visibility: 'networks',
    slots: [],
  };
}

export function serviceValues(service: ServiceDetail, lang: Locale): ServiceFormValues {
  return {
    title: service.title,
    domain: service.domain,
    description: service.description,
    format: service.format,
    durationMinutes: service.durationMinutes === null ? '' : String(service.durationMinutes),
    providerName: service.providerName,
    participation: service.participation,
    price: amountText(lang, service.price),
    city: service.city,
    postcode: service.postcode,
    slots: service.slots.map((slot) => ({
      weekday: String(slot.weekday),
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    })),
    onRequest: service.onRequest ? 'on' : '',
    visibility: service.visibility,
  };
}

/** The API body for what was typed; a price only when the participation is a price (then it is required). */
export function serviceInput(values: ServiceFormValues): { input: ServiceInput; errors: ErrorDetail[] } {
  const parsed = collect();
  const participation = oneOf(participations, values.participation) ?? 'free';
  const price = participation === 'price' ? (parsed.take(parseAmount('price', values.price)) ?? null) : null;
  if (participation === 'price' && price === null && !parsed.errors.some((error) => error.path === 'price')) {
    parsed.errors.push({ path: 'price', code: 'required', message: '' });
  }
  const input: ServiceInput = {
    title: values.title,
    domain: values.domain,
    description: values.description,
    format: oneOf(formats, values.format),
    durationMinutes: parsed.take(parseWholeNumber('durationMinutes', values.durationMinutes)) ?? null,
    providerName: values.providerName,
    participation,
    price,
    city: values.city || undefined,
    postcode: values.postcode || undefined,
    slots: slotsOf(values.slots, parsed.errors),
    onRequest: values.onRequest !== '',
    visibility: oneOf(visibilities, values.visibility),
  };
  return { input, errors: parsed.errors };
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "9:30" or "09:30:00" → "09:30"; what is not a time is left as is (and refused). */
function clockText(text: string): string {
  const match = /^(\d{1,2})[:hH](\d{2})(?::\d{2})?$/.exec(text.replace(/\s/g, ''));
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text;
}

/**
 * The weekly slots, rows fully empty left out. A row needs its day and both times, the end after
 * the start; its errors name the row's inputs (`slots.<n>.endsAt`).
 */
function slotsOf(rows: SlotRow[], errors: ErrorDetail[]): ServiceSlot[] | undefined {
  const slots: ServiceSlot[] = [];
  const before = errors.length;
  for (const [index, row] of rows.entries()) {
    const startsAt = clockText(row.startsAt);
    const endsAt = clockText(row.endsAt);
    if (!row.weekday && !startsAt && !endsAt) continue;
    const weekday = /^[1-7]$/.test(row.weekday) ? Number(row.weekday) : null;
    const missing = weekday === null ? 'weekday' : !startsAt ? 'startsAt' : !endsAt ? 'endsAt' : null;
    const wrong = !clock.test(startsAt) ? 'startsAt' : !clock.test(endsAt) ? 'endsAt' : null;
    if (missing) errors.push({ path: `slots.${index}.${missing}`, code: 'incomplete', message: '' });
    else if (wrong) errors.push({ path: `slots.${index}.${wrong}`, code: 'pattern', message: '' });
    else if (endsAt <= startsAt) errors.push({ path: `slots.${index}.endsAt`, code: 'order', message: '' });
    else slots.push({ weekday: weekday!, startsAt, endsAt });
  }
  return errors.length > before ? undefined : slots;
}

export function serviceCreateBody(input: ServiceInput): Partial<ServiceInput> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  ) as Partial<ServiceInput>;
}

export function servicePatchBody(service: ServiceDetail, lang: Locale, input: ServiceInput): Partial<ServiceInput> {
  return changedFields(serviceInput(serviceValues(service, lang)).input, input);
}

/** The domains, for the form's select (the enum lives in the shared domain code, server side). */
export type DomainList = readonly ServiceDomain[];
