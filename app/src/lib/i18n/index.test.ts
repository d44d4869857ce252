import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { formatDay, isLocale, translator } from './index.ts';

describe('translator', () => {
  it('fills parameters and follows a language that changes', () => {
    let lang: 'fr' | 'en' = 'fr';
    const t = translator(() => lang);
    expect(t('team.accepted', { name: 'Léa' })).toBe('Léa fait maintenant partie de la structure.');
    lang = 'en';
    expect(t('team.accepted', { name: 'Léa' })).toBe('Léa is now part of the organisation.');
  });

  it('answers undefined for a key built from data that the catalogue lacks', () => {
    expect(translator('fr').maybe('errors.not_a_code')).toBeUndefined();
  });

  it('has the same parameters in both languages', () => {
    const parameters = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(fr) as Array<keyof typeof fr>) {
      expect(parameters(en[key]), key).toEqual(parameters(fr[key]));
    }
  });

  it('knows its languages', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});

describe('formatDay', () => {
  it('tells the day in Paris, whatever the time zone of the machine', () => {
    // 23:30 UTC on 28 March 2026 is already 29 March in Paris (and still the 28th in São Paulo).
    expect(formatDay('fr', '2026-03-28T23:30:00Z')).toBe('29 mars 2026');
    expect(formatDay('en', '2026-10-24T22:30:00Z')).toBe('25 October 2026');
  });
});
