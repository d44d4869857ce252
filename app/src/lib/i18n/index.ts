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
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    new Date(instant),
  );
}
