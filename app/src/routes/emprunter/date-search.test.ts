import { describe, expect, it } from 'vitest';
import { translator } from '../../lib/i18n/index.ts';
import { checkDateSearch, dateSearchApiQuery, dateSearchFromUrl, dateSearchHref, hasDates } from './date-search.ts';

const t = translator('fr');
const params = (query: string) => new URLSearchParams(query);

describe('dateSearchFromUrl', () => {
  it('reads the dates, words and quantity of a link', () => {
    expect(dateSearchFromUrl(params('du=2027-06-12&au=2027-06-14&q=+tonnelle+&quantite=2&cursor=abc'))).toEqual({
      startDate: '2027-06-12',
      endDate: '2027-06-14',
      q: 'tonnelle',
      quantity: 2,
      cursor: 'abc',
    });
  });

  it('takes the basket’s dates when the link has none', () => {
    const basket = { startDate: '2027-07-03', endDate: '2027-07-05' };
    expect(dateSearchFromUrl(params('q=sono'), basket)).toMatchObject(basket);
    expect(dateSearchFromUrl(params('du=2027-06-12&au='), basket)).toMatchObject({
      startDate: '2027-06-12',
      endDate: '',
    });
  });

  it('keeps the quantity between 1 and what the API takes', () => {
    expect(dateSearchFromUrl(params('quantite=0')).quantity).toBe(1);
    expect(dateSearchFromUrl(params('quantite=-3')).quantity).toBe(1);
    expect(dateSearchFromUrl(params('quantite=99999')).quantity).toBe(10_000);
    expect(dateSearchFromUrl(params('quantite=deux')).quantity).toBe(1);
  });
});

describe('checkDateSearch', () => {
  const today = '2027-06-01';
  const search = (startDate: string, endDate: string) => ({ ...dateSearchFromUrl(params('')), startDate, endDate });

  it('is quiet until dates are given', () => {
    expect(checkDateSearch(t, search('', ''), today)).toBeNull();
    expect(checkDateSearch(t, search('2027-06-12', '2027-06-14'), today)).toBeNull();
    expect(checkDateSearch(t, search('2027-06-01', '2027-06-01'), today)).toBeNull();
  });

  it('says what is wrong next to the right input', () => {
    expect(checkDateSearch(t, search('2027-06-12', ''), today)?.fields).toEqual({
      au: 'Choisissez le dernier jour du prêt.',
    });
    expect(checkDateSearch(t, search('2027-06-14', '2027-06-12'), today)?.fields).toEqual({
      au: 'Le dernier jour doit être le même que le premier, ou le suivre.',
    });
    expect(checkDateSearch(t, search('2027-05-30', '2027-06-02'), today)?.fields).toEqual({
      du: 'Choisissez un premier jour à partir d’aujourd’hui.',
    });
    expect(checkDateSearch(t, search('2027-02-30', '2027-06-02'), today)?.fields.du).toBe(
      'Choisissez le premier jour du prêt.',
    );
    expect(hasDates(search('2027-06-12', '2027-06-14'))).toBe(true);
    expect(hasDates(search('2027-06-12', ''))).toBe(false);
  });
});

describe('queries and links', () => {
  const search = dateSearchFromUrl(params('du=2027-06-12&au=2027-06-14&q=tonnelle&quantite=2'));

  it('asks the API for what is free on those days', () => {
    expect(Object.fromEntries(dateSearchApiQuery(search, 24))).toEqual({
      available_from: '2027-06-12',
      available_to: '2027-06-14',
      quantity: '2',
      q: 'tonnelle',
      limit: '24',
    });
    expect(dateSearchApiQuery({ ...search, quantity: 1, q: '' }, 24).has('quantity')).toBe(false);
  });

  it('links to the same search, one thing changed', () => {
    expect(dateSearchHref(search)).toBe('/emprunter?du=2027-06-12&au=2027-06-14&q=tonnelle&quantite=2');
    expect(dateSearchHref(search, { cursor: 'next' })).toBe(
      '/emprunter?du=2027-06-12&au=2027-06-14&q=tonnelle&quantite=2&cursor=next',
    );
    expect(dateSearchHref({ startDate: '', endDate: '', q: '', quantity: 1, cursor: '' })).toBe('/emprunter');
  });
});
