import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import {
  clockLabel,
  handoverDaysLabel,
  loanRuleSentences,
  longDayLabel,
  monthLabel,
  shortDayLabel,
  weekdayHeads,
} from './borrowing-labels.ts';

const fr = translator('fr');
const en = translator('en');

describe('calendar words', () => {
  it('names months and days without the machine’s time zone shifting them', () => {
    expect(monthLabel('fr', '2027-06')).toBe('Juin 2027');
    expect(monthLabel('en', '2027-12')).toBe('December 2027');
    expect(longDayLabel('fr', '2027-06-01')).toBe('mardi 1 juin 2027');
    expect(longDayLabel('en', '2027-03-28')).toMatch(/^Sunday,? 28 March 2027$/);
    expect(shortDayLabel('fr', '2027-10-31')).toBe('dimanche 31 octobre');
  });

  it('heads the columns from Monday', () => {
    const heads = weekdayHeads('fr');
    expect(heads.map((head) => head.long)).toEqual([
      'lundi',
      'mardi',
      'mercredi',
      'jeudi',
      'vendredi',
      'samedi',
      'dimanche',
    ]);
    expect(heads[0]!.short).toBe('lun.');
  });

  it('says clock times as people do', () => {
    expect(clockLabel('fr', '09:00')).toBe('9 h');
    expect(clockLabel('fr', '17:30')).toBe('17 h 30');
    expect(clockLabel('en', '09:05')).toBe('9:05');
  });
});

describe('handoverDaysLabel', () => {
  it('says every day, a run of days, or a list', () => {
    expect(handoverDaysLabel(fr, [1, 2, 3, 4, 5, 6, 7])).toBe('tous les jours');
    expect(handoverDaysLabel(fr, [5, 1, 2, 3, 4])).toBe('du lundi au vendredi');
    expect(handoverDaysLabel(fr, [2, 4, 6])).toBe('mardi, jeudi et samedi');
    expect(handoverDaysLabel(fr, [6, 7])).toBe('samedi et dimanche');
    expect(handoverDaysLabel(fr, [3])).toBe('mercredi');
    expect(handoverDaysLabel(en, [2, 4, 6])).toBe('Tuesday, Thursday and Saturday');
    expect(handoverDaysLabel(en, [1, 2, 3])).toBe('Monday to Wednesday');
  });
});

describe('loanRuleSentences', () => {
  const rules = {
    handoverWeekdays: [1, 2, 3, 4, 5],
    handoverOpensAt: '09:00',
    handoverClosesAt: '17:30',
    minLoanDays: 1,
    maxLoanDays: 7,
    minNoticeDays: 2,
    bufferDays: 1,
    horizonDays: 90,
  };

  it('tells every rule in plain French', () => {
    expect(loanRuleSentences(fr, rules)).toEqual([
      'Retrait et retour : du lundi au vendredi, de 9 h à 17 h 30.',
      'Durée du prêt : de 1 à 7 jours.',
      'Préavis : demandez au moins 2 jours à l’avance.',
      'Délai entre deux prêts : 1 jour, le temps de vérifier le matériel.',
      'Réservable jusqu’à 90 jours à l’avance.',
    ]);
  });

  it('leaves out what does not apply', () => {
    expect(
      loanRuleSentences(fr, {
        ...rules,
        handoverOpensAt: null,
        handoverClosesAt: null,
        maxLoanDays: null,
        minLoanDays: 2,
        minNoticeDays: 0,
        bufferDays: 0,
      }),
    ).toEqual([
      'Retrait et retour : du lundi au vendredi.',
      'Durée du prêt : 2 jours au moins.',
      'Pas de préavis : un prêt peut commencer dès aujourd’hui.',
      'Réservable jusqu’à 90 jours à l’avance.',
    ]);
    expect(loanRuleSentences(fr, { ...rules, minLoanDays: 3, maxLoanDays: 3 })[1]).toBe('Durée du prêt : 3 jours.');
  });

  it('speaks English too', () => {
    expect(loanRuleSentences(en, rules)[0]).toBe('Pick-up and return: Monday to Friday, from 9:00 to 17:30.');
  });
});
