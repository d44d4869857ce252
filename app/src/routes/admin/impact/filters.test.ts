import { describe, expect, it } from 'vitest';
import { apiQuery, filtersOf, periodOf, quarterOf } from './filters.ts';

const network = '0b8f2c1e-4a5d-4e3f-9a1b-2c3d4e5f6a7b';
const other = '1c9f2c1e-4a5d-4e3f-9a1b-2c3d4e5f6a7b';
const url = (query: string) => new URL(`https://mutua.test/admin/impact?${query}`);

describe('the dashboard’s filters', () => {
  it('quarters end on the right day, leap years and December included', () => {
    expect(quarterOf('2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterOf('2026-05-15')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf('2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('turn the presets into Paris days', () => {
    const filters = filtersOf(url(''), [network]);
    expect(periodOf({ ...filters, periode: 'trimestre' }, '2026-01-05')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(periodOf({ ...filters, periode: 'trimestre-precedent' }, '2026-01-05')).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(periodOf({ ...filters, periode: 'annee' }, '2026-07-14')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('keep only the admin’s networks and well-formed values, typed dates meaning « dates choisies »', () => {
    expect(filtersOf(url(`reseau=${other}&du=2026-02-01&departement=59`), [network])).toEqual({
      reseau: network,
      periode: 'dates',
      du: '2026-02-01',
      au: '',
      departement: '59',
    });
    expect(filtersOf(url(`reseau=${other}&departement=<script>`), [network, other])).toMatchObject({
      reseau: other,
      periode: 'trimestre',
      departement: '',
    });
    const query = apiQuery(filtersOf(url('periode=dates&du=2026-02-01&au=2026-02-28'), [network]), { format: 'csv' });
    expect(query.toString()).toBe(`networkId=${network}&from=2026-02-01&to=2026-02-28&format=csv`);
  });
});
