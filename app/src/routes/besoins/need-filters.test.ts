import { describe, expect, it } from 'vitest';
import { needBody } from './nouveau/need-form.ts';
import { needFiltersFromUrl, needsApiQuery, needsHref } from './need-filters.ts';

describe('needs list filters', () => {
  it('reads, sends and writes back the filters', () => {
    const filters = needFiltersFromUrl(new URLSearchParams('q=tonnelles&kind=item&territory=59&cursor=x'));
    expect(filters).toEqual({ q: 'tonnelles', kind: 'item', territory: '59', cursor: 'x' });
    expect(Object.fromEntries(needsApiQuery(filters, 24))).toEqual({
      status: 'open',
      limit: '24',
      q: 'tonnelles',
      kind: 'item',
      territory: '59',
      cursor: 'x',
    });
    expect(needsHref(filters, { cursor: '' })).toBe('/besoins?q=tonnelles&kind=item&territory=59');
    expect(needFiltersFromUrl(new URLSearchParams('kind=car&territory=Nord'))).toEqual({
      q: '',
      kind: '',
      territory: '',
      cursor: '',
    });
  });
});

describe('needBody', () => {
  const values = {
    organisationId: '',
    kind: 'service',
    title: 'Aide pour nos comptes',
    description: '',
    categoryId: 'tonnelles',
    serviceDomain: 'gestion_comptabilite',
    neededFrom: '2026-06-01',
    neededUntil: '',
  };

  it('keeps the topic of the chosen kind only, and the dates given', () => {
    expect(needBody(values)).toEqual({
      kind: 'service',
      title: 'Aide pour nos comptes',
      serviceDomain: 'gestion_comptabilite',
      neededFrom: '2026-06-01',
    });
    expect(needBody({ ...values, kind: 'item' })).toEqual({
      kind: 'item',
      title: 'Aide pour nos comptes',
      categoryId: 'tonnelles',
      neededFrom: '2026-06-01',
    });
  });
});
