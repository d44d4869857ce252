import { getContext, setContext } from 'svelte';
import { defaultLocale, type Locale, type Translator, translator } from './index.ts';

const key = Symbol('mutua.i18n');

/** Called once by the root layout: components below read the current language from it. */
export function provideLocale(lang: () => Locale) {
  setContext(key, lang);
}

/** The translator of the current page, for components (call during component initialisation). */
export function useT(): Translator {
  return translator(getContext<(() => Locale) | undefined>(key) ?? (() => defaultLocale));
}
