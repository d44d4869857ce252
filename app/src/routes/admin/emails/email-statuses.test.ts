import { describe, expect, it } from 'vitest';
import { emailStatuses } from '@mutua/server/domain/notifications';
import { translator } from '../../../lib/i18n/index.ts';
import { canRetry, emailFilterOf, emailFilters, emailStatusTones } from './email-statuses.ts';

describe('email statuses', () => {
  it('has a filter, a tone and a French and English label for every status', () => {
    expect(Object.values(emailFilters).sort()).toEqual([...emailStatuses].sort());
    for (const status of emailStatuses) {
      expect(emailStatusTones[status]).toBeDefined();
      for (const lang of ['fr', 'en'] as const)
        expect(translator(lang).maybe(`adminEmails.statuses.${status}`)).toBeDefined();
    }
    expect(translator('fr')('adminEmails.statuses.held')).toBe('Gardé pour le récapitulatif');
  });

  it('reads the filter from the URL, every email otherwise', () => {
    expect(emailFilterOf('echecs')).toBe('echecs');
    expect(emailFilterOf('failed')).toBeNull();
    expect(emailFilterOf('constructor')).toBeNull();
    expect(emailFilterOf(null)).toBeNull();
  });

  it('offers to send again only what failed or waits for a retry', () => {
    expect(emailStatuses.filter(canRetry)).toEqual(['retrying', 'failed']);
  });
});
