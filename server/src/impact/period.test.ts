import { describe, expect, it } from 'vitest';
import { monthsBetween, periodOf, quarterOf } from './period.ts';

describe('the period of a dashboard', () => {
  it('defaults to the quarter of today, or completes one day with its own quarter', () => {
    expect(periodOf(undefined, undefined, '2026-12-02')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2026-02-10', undefined)).toEqual({ from: '2026-02-10', to: '2026-03-31' });
    expect(periodOf(undefined, '2024-05-31')).toEqual({ from: '2024-04-01', to: '2024-05-31' });
    expect(quarterOf('2024-03-31')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('lists every month, across a new year', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-04-01', '2026-04-30')).toEqual(['2026-04']);
  });
});
