import { describe, expect, it } from 'vitest';
import { landingPathFor, localPath } from './redirects.ts';

describe('localPath', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(localPath('/structures')).toBe('/structures');
    expect(localPath('/admin?statut=validees')).toBe('/admin?statut=validees');
    expect(localPath('/ma-structure#equipe')).toBe('/ma-structure#equipe');
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    'structures',
    '',
  ])('refuses %j, which could leave the site', (value) => {
    expect(localPath(value, '/fallback')).toBe('/fallback');
  });

  it('falls back when nothing is given', () => {
    expect(localPath(null)).toBe('/');
    expect(localPath(undefined, '/ma-structure')).toBe('/ma-structure');
  });
});

describe('landingPathFor', () => {
  it('sends members to their structure, admins without one to the review list, others home', () => {
    expect(landingPathFor({ memberships: [{}], networkRoles: [{ role: 'admin' }] })).toBe('/ma-structure');
    expect(landingPathFor({ memberships: [], networkRoles: [{ role: 'admin' }] })).toBe('/admin');
    expect(landingPathFor({ memberships: [], networkRoles: [{ role: 'moderator' }] })).toBe('/');
  });
});
