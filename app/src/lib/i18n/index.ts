import { en } from './en.ts';
import { fr } from './fr.ts';

export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

export type MessageKey = keyof typeof fr;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type Translator = {
  (key: MessageKey, params?: MessageParams): string;
  /** For keys built from data (API error codes, validation rules): undefined when the catalogue lacks it. */
  maybe(key: string, params?: MessageParams): string | undefined;
  readonly lang: Locale;
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** `t(key, params?)` for one language; give a getter to follow a language that can change. */
export function translator(lang: Locale | (() => Locale)): Translator {
  const current = typeof lang === 'function' ? lang : () => lang;
  const lookup = (key: string): string | undefined => {
    const catalogue = catalogues[current()] as Record<string, string>;
    return Object.hasOwn(catalogue, key) ? catalogue[key] : (fr as Record<string, string>)[key];
  };
  const t = (key: MessageKey, params?: MessageParams) => interpolate(lookup(key) ?? key, params);
  return Object.assign(t, {
    maybe: (key: string, params?: MessageParams) => {
      const message = lookup(key);
      return message === undefined ? undefined : interpolate(message, params);
    },
    get lang() {
      return current();
    },
  });
}

function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A calendar day as people read it, in the platform's time zone (never the server's or the browser's). */
export function formatDay(lang: Locale, instant: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(new Date(instant));
}

const numberLocale = (lang: Locale) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** An amount in euros as people read it: "12 €", "12,50 €" (cents only when there are some). */
export function formatEuros(lang: Locale, euros: number): string {
  return new Intl.NumberFormat(numberLocale(lang), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: Number.isInteger(euros) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(euros);
}

/** A distance in km, to one decimal below 10 km: "2,4 km", "35 km". */
export function formatKm(lang: Locale, km: number): string {
  return new Intl.NumberFormat(numberLocale(lang), {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

/** A calendar day given as YYYY-MM-DD (no instant, no time zone to shift it): "14 juin 2026". */
export function formatCalendarDay(lang: Locale, day: string): string {
  return new Intl.DateTimeFormat(numberLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * A message that depends on a count: `${key}.one` or `${key}.other`, chosen by the language's
 * rules (in French, 0 and 1 take the singular). `{count}` is filled in.
 */
export function plural(t: Translator, key: string, count: number, params: MessageParams = {}): string {
  const rule = new Intl.PluralRules(t.lang === 'fr' ? 'fr-FR' : 'en-GB').select(count);
  const all = { count, ...params };
  return t.maybe(`${key}.${rule}`, all) ?? t.maybe(`${key}.other`, all) ?? String(count);
}
