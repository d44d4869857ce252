import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import {
  adminNetworkIds,
  isManagerOf,
  requireManagerOf,
  requireNetworkAdmin,
  requireTradingMemberOf,
} from './policies.ts';

function actorWith(
  memberships: Array<Partial<Actor['memberships'][number]> & { organisationStatus?: string }>,
  adminOf: string[] = [],
): Actor {
  return {
    sessionId: 's',
    user: { id: 'u', email: 'u@test.fr', name: 'U', locale: 'fr', emailVerified: true, emailUndeliverable: false },
    memberships: memberships.map((m, index) => ({
      role: m.role ?? 'member',
      status: m.status ?? 'active',
      organisation: {
        id: `org-${index}`,
        name: `Structure ${index}`,
        kind: 'association',
        status: (m.organisationStatus ?? 'active') as Actor['memberships'][number]['organisation']['status'],
        city: 'Lille',
      },
    })),
    networkRoles: adminOf.map((id) => ({ role: 'admin' as const, network: { id, slug: id, name: id } })),
  };
}

describe('access rules', () => {
  it('lets an active member of an approved structure publish and borrow', () => {
    expect(requireTradingMemberOf(actorWith([{}]), 'org-0').organisation.id).toBe('org-0');
  });

  it('keeps a pending structure from publishing and borrowing, with a French reason', () => {
    expect(() => requireTradingMemberOf(actorWith([{ organisationStatus: 'pending' }]), 'org-0')).toThrow(
      expect.objectContaining({ code: 'organisation_not_active', statusCode: 403 }),
    );
    expect(() => requireTradingMemberOf(actorWith([{ organisationStatus: 'suspended' }]), 'org-0')).toThrow(
      /pas encore validée/,
    );
  });

  it('keeps a pending member (a request to join) and strangers from acting for the structure', () => {
    expect(() => requireTradingMemberOf(actorWith([{ status: 'pending' }]), 'org-0')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => requireTradingMemberOf(actorWith([{}]), 'org-other')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });

  it('tells managers from members, and hides other structures behind a 404', () => {
    const actor = actorWith([{ role: 'manager' }, { role: 'member' }, { role: 'manager', status: 'pending' }]);
    expect(isManagerOf(actor, 'org-0')).toBe(true);
    expect(isManagerOf(actor, 'org-2')).toBe(false);
    expect(() => requireManagerOf(actor, 'org-1')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requireManagerOf(actor, 'org-9')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('knows the networks an admin runs', () => {
    expect(adminNetworkIds(actorWith([], ['n1', 'n2']))).toEqual(['n1', 'n2']);
    expect(() => requireNetworkAdmin(actorWith([{ role: 'manager' }]))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});
