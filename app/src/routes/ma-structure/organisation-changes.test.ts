import { describe, expect, it } from 'vitest';
import type { OrganisationDetail } from '@mutua/server/contract';
import { changesFrom, type EditableField } from './organisation-changes.ts';

const current = {
  name: 'La Tonnelle Solidaire',
  kind: 'association',
  description: 'Fêtes de quartier.',
  address: '12 rue des Postes',
  city: 'Lille',
  postcode: '59000',
  contactEmail: 'contact@tonnelle.fr',
  phone: null,
  website: null,
} as unknown as OrganisationDetail;

const submitted = (changes: Partial<Record<EditableField, string>>): Record<EditableField, string> => ({
  name: 'La Tonnelle Solidaire',
  kind: 'association',
  description: 'Fêtes de quartier.',
  address: '12 rue des Postes',
  city: 'Lille',
  postcode: '59000',
  contactEmail: 'contact@tonnelle.fr',
  phone: '',
  website: '',
  ...changes,
});

describe('changesFrom', () => {
  it('sends nothing when nothing changed (an absent phone stays absent)', () => {
    expect(changesFrom(current, submitted({}))).toEqual({});
  });

  it('sends only the changed fields', () => {
    expect(changesFrom(current, submitted({ city: 'Roubaix', postcode: '59100' }))).toEqual({
      city: 'Roubaix',
      postcode: '59100',
    });
  });

  it('turns an emptied contact field into null, but keeps an emptied description as text', () => {
    expect(changesFrom(current, submitted({ contactEmail: '', description: '' }))).toEqual({
      contactEmail: null,
      description: '',
    });
  });
});
