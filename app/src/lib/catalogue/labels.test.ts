import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatEuros, formatKm, plural, translator } from '../i18n/index.ts';
import { durationLabel, itemFeeLabel, participationLabel } from './labels.ts';
import { photoBox, photoSrcset } from './photos.ts';

const t = translator('fr');
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('prices and durations', () => {
  it('says what borrowing costs', () => {
    expect(itemFeeLabel(t, 'free', null)).toBe('Gratuit');
    expect(nbsp(itemFeeLabel(t, 'per_day', 5))).toBe('5 € par jour');
    expect(nbsp(itemFeeLabel(t, 'per_loan', 12.5))).toBe('12,50 € par prêt');
    expect(itemFeeLabel(translator('en'), 'per_day', 5)).toBe('€5 per day');
  });

  it('says what a service asks in return', () => {
    expect(participationLabel(t, 'exchange', null)).toBe('Échange de services');
    expect(nbsp(participationLabel(t, 'price', 150))).toBe('150 €');
  });

  it('reads durations as people say them', () => {
    expect(durationLabel(t, 45)).toBe('45 min');
    expect(durationLabel(t, 120)).toBe('2 h');
    expect(durationLabel(t, 90)).toBe('1 h 30');
  });
});

describe('formats', () => {
  it('formats amounts, distances and calendar days', () => {
    expect(nbsp(formatEuros('fr', 1200))).toBe('1 200 €');
    expect(nbsp(formatKm('fr', 2.44))).toBe('2,4 km');
    expect(nbsp(formatKm('fr', 35.6))).toBe('36 km');
    // A calendar day is not an instant: no time zone may move it (the tests run in São Paulo).
    expect(formatCalendarDay('fr', '2026-06-14')).toBe('14 juin 2026');
  });

  it('picks the plural by the language’s rules', () => {
    expect(plural(t, 'units.days', 1)).toBe('1 jour');
    expect(plural(t, 'units.days', 0)).toBe('0 jour');
    expect(plural(t, 'units.days', 7)).toBe('7 jours');
    expect(plural(translator('en'), 'units.days', 0)).toBe('0 days');
  });
});

describe('photos', () => {
  const photo = {
    id: 'p',
    width: 1200,
    height: 900,
    alt: '',
    urls: { small: '/s.webp', medium: '/m.webp', large: '/l.webp' },
  };

  it('announces each size at its real width, never larger than the photo', () => {
    expect(photoSrcset(photo)).toBe('/s.webp 320w, /m.webp 800w, /l.webp 1200w');
    expect(photoBox(photo, 'small')).toEqual({ width: 320, height: 240 });
    expect(photoBox(photo, 'large')).toEqual({ width: 1200, height: 900 });
  });
});
