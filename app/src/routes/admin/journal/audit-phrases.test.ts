import { describe, expect, it } from 'vitest';
import { auditActions as serverActions } from '@mutua/server/domain/audit';
import { translator } from '../../../lib/i18n/index.ts';
import { auditActionOf, auditActions, auditChanges } from './audit-phrases.ts';

describe('the journal’s phrases', () => {
  it('offers every action of the server, phrased in French and English', () => {
    expect([...auditActions].sort()).toEqual([...serverActions].sort());
    for (const action of serverActions) {
      for (const lang of ['fr', 'en'] as const) expect(translator(lang).maybe(`audit.actions.${action}`)).toBeDefined();
    }
  });

  it('reads the action from the URL, every action otherwise', () => {
    expect(auditActionOf('organisation.approved')).toBe('organisation.approved');
    expect(auditActionOf('constructor')).toBeNull();
    expect(auditActionOf(null)).toBeNull();
  });

  it('says what changed in the reader’s words, and what it does not know as it is', () => {
    const t = translator('fr');
    expect(auditChanges(t, { before: { role: 'member' }, after: { role: 'manager' } })).toEqual([
      { field: 'Rôle', before: 'membre', after: 'gestionnaire' },
    ]);
    expect(auditChanges(t, { before: { role: 'member', status: 'active' }, after: null })).toEqual([
      { field: 'Rôle', before: 'membre', after: '(rien)' },
      { field: 'Statut', before: 'active', after: '(rien)' },
    ]);
    expect(auditChanges(translator('en'), { before: null, after: { rate: 0.5 } })).toEqual([
      { field: 'rate', before: '(nothing)', after: '0.5' },
    ]);
    expect(t('audit.change', { field: 'Statut', before: 'en attente', after: 'active' })).toBe(
      'Statut : en attente → active',
    );
  });
});
