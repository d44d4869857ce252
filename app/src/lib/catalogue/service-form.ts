import type { FieldError, ListingVisibility, ServiceDetail, ServiceDomain, ServiceFormat, ServiceParticipation } from '$lib/api-types';
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
  'visibility',
] as const;
export type ServiceFormField = (typeof serviceFormFields)[number];
export type ServiceFormValues = Record<ServiceFormField, string>;

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
  visibility?: ListingVisibility;
};

const formats: readonly ServiceFormat[] = ['on_site', 'remote', 'both'];
const participations: readonly ServiceParticipation[] = ['free', 'exchange', 'price'];
const visibilities: readonly ListingVisibility[] = ['networks', 'all'];
const oneOf = <T extends string>(choices: readonly T[], value: string): T | undefined => choices.find((choice) => choice === value);

export function newServiceValues(): ServiceFormValues {
  return {
    ...(Object.fromEntries(serviceFormFields.map((field) => [field, ''])) as ServiceFormValues),
    format: 'on_site',
    participation: 'free',
    visibility: 'networks',
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
    visibility: service.visibility,
  };
}

/** The API body for what was typed; a price only when the participation is a price (then it is required). */
export function serviceInput(values: ServiceFormValues): { input: ServiceInput; errors: FieldError[] } {
  const parsed = collect();
  const participation = oneOf(participations, values.participation) ?? 'free';
  const price = participation === 'price' ? (parsed.take(parseAmount('price', values.price)) ?? null) : null;
  if (participation === 'price' && price === null && !parsed.errors.some((error) => error.field === 'price')) {
    parsed.errors.push({ field: 'price', rule: 'required', message: '' });
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
    visibility: oneOf(visibilities, values.visibility),
  };
  return { input, errors: parsed.errors };
}

export function serviceCreateBody(input: ServiceInput): Partial<ServiceInput> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== '')) as Partial<ServiceInput>;
}

export function servicePatchBody(service: ServiceDetail, lang: Locale, input: ServiceInput): Partial<ServiceInput> {
  return changedFields(serviceInput(serviceValues(service, lang)).input, input);
}

/** The domains, for the form's select (the enum lives in the shared domain code, server side). */
export type DomainList = readonly ServiceDomain[];
