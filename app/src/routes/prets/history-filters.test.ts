import { describe, expect, it } from 'vitest';
import { historyApiQuery, historyFiltersFromUrl, historyHref } from './history-filters.ts';

describe('history filters', () => {
  it('reads the side, the status, the structure and the page from the URL, ignoring what it does not know', () => {
    expect(historyFiltersFromUrl(new URLSearchParams('as=borrower&status=requested&cursor=abc'))).toEqual({
      as: 'borrower',
      status: 'requested',
      structure: '',
      cursor: 'abc',
    });
    expect(historyFiltersFromUrl(new URLSearchParams('as=admin&status=lost&structure=../x'))).toEqual({
      as: 'lender',
      status: '',
      structure: '',
      cursor: '',
    });
  });

  it('asks the API for that list, and links to it', () => {
    const filters = historyFiltersFromUrl(
      new URLSearchParams('as=lender&status=picked_up&structure=0b7c6f0e-6a3b-4f8e-9d2a-1c2b3d4e5f60'),
    );
    expect(historyApiQuery(filters, 30).toString()).toBe(
      'as=lender&limit=30&status=picked_up&organisationId=0b7c6f0e-6a3b-4f8e-9d2a-1c2b3d4e5f60',
    );
    expect(historyHref({ as: 'borrower', status: '' })).toBe('/prets/historique?as=borrower');
    expect(historyHref({ status: 'requested' })).toBe('/prets/historique?as=lender&status=requested');
  });
});
