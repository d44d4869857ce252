import { formatEuros, type Locale, type Translator } from '$lib/i18n';
import type { ImpactCategoryRef, ImpactReport } from './impact-types';

const numberLocale = (lang: Locale) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export const formatCount = (lang: Locale, count: number) => new Intl.NumberFormat(numberLocale(lang)).format(count);

export const formatCents = (lang: Locale, cents: number) => formatEuros(lang, Math.round(cents) / 100);

/** Kilograms to 0.1, as the API rounded them: « 1 071,6 ». */
export const formatKg = (lang: Locale, kg: number) =>
  new Intl.NumberFormat(numberLocale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(kg);

export const formatPercent = (lang: Locale, percent: number) =>
  new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: 1 }).format(percent);

/** « oct. 2026 » for `2026-10`. */
export const formatMonth = (lang: Locale, month: string) =>
  new Intl.DateTimeFormat(numberLocale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** A bar's label: « oct. », or « oct. 26 » when the period spans several years. */
export const formatMonthShort = (lang: Locale, month: string, withYear: boolean) =>
  new Intl.DateTimeFormat(numberLocale(lang), {
    month: 'short',
    ...(withYear ? { year: '2-digit' as const } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

export const categoryName = (lang: Locale, category: ImpactCategoryRef) =>
  lang === 'fr' ? category.nameFr : category.nameEn;

/** « taux de substitution : 50 % (méthode Library of Things 2024) », beside each estimate. */
export const rateLine = (t: Translator, method: ImpactReport['method']) =>
  t('impact.rate', {
    percent: method.substitutionRatePercent,
    explanation: t(`impact.explanation.${method.explanation}`),
  });
