import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import type { MembershipRole, NetworkRoleName, OrganisationStatus } from '../domain/organisations.ts';
import { type BookingTarget, decide, type ListingTarget, type OrganisationTarget, type Target } from './decide.ts';
import { networkRoleGrants, type Permission, structureRoleGrants } from './permissions.ts';

// One network N with the owner structure O, another structure X and a pending one P; another network M.
const N = 'network-n';
const M = 'network-m';

type Seat = {
  organisation: string;
  status?: OrganisationStatus;
  role?: MembershipRole;
  pending?: boolean;
  networks?: string[];
};

function person(seats: Seat[], networkRoles: Array<[NetworkRoleName, string]> = [], verified = true): Actor {
  return {
    sessionId: 's',
    user: { id: 'u', email: 'u@test.fr', name: 'U', locale: 'fr', emailVerified: verified, emailUndeliverable: false },
    memberships: seats.map((seat) => ({
      role: seat.role ?? 'member',
      status: seat.pending ? 'pending' : 'active',
      organisation: {
        id: seat.organisation,
        name: seat.organisation,
        kind: 'association',
        status: seat.status ?? 'active',
        city: 'Lille',
        networkIds: seat.networks ?? [N],
      },
    })),
    networkRoles: networkRoles.map(([role, id]) => ({ role, network: { id, slug: id, name: id } })),
  };
}

const actors = {
  anonymous: null,
  pendingStructure: person([{ organisation: 'P', status: 'pending' }]),
  ownerMember: person([{ organisation: 'O' }]),
  ownerManager: person([{ organisation: 'O', role: 'manager' }]),
  otherMember: person([{ organisation: 'X' }]),
  moderator: person([], [['moderator', N]]),
  admin: person([], [['admin', N]]),
  foreignAdmin: person([], [['admin', M]]),
} satisfies Record<string, Actor | null>;
type Who = keyof typeof actors;

const organisationO: OrganisationTarget = { type: 'organisation', id: 'O', status: 'active', networkIds: [N] };
const pendingP: OrganisationTarget = { type: 'organisation', id: 'P', status: 'pending', networkIds: [N] };
const listing = (overrides: Partial<ListingTarget> = {}): ListingTarget => ({
  type: 'listing',
  id: 'L',
  organisationId: 'O',
  organisationStatus: 'active',
  networkIds: [N],
  findable: true,
  hidden: false,
  visibility: 'networks',
  ...overrides,
});
const loanOtoX: BookingTarget = { type: 'booking', id: 'B', lenderOrganisationId: 'O', borrowerOrganisationId: 'X' };

const statusOf = (who: Who, permission: Permission, target: Target) => {
  const decision = decide(actors[who], permission, target);
  return decision.allowed ? 'ok' : decision.status;
};

/** Expected answers, column by column: anonymous, pendingStructure, ownerMember, ownerManager, otherMember, moderator, admin, foreignAdmin. */
type Row = [Permission, Target, string, [401 | 403 | 404 | 'ok', ...Array<401 | 403 | 404 | 'ok'>]];
const who: Who[] = [
  'anonymous',
  'pendingStructure',
  'ownerMember',
  'ownerManager',
  'otherMember',
  'moderator',
  'admin',
  'foreignAdmin',
];

const table: Row[] = [
  ['organisation.view', organisationO, 'an approved structure', ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['organisation.view', pendingP, 'a pending structure', [404, 'ok', 404, 404, 404, 'ok', 'ok', 404]],
  ['organisation.view_contacts', organisationO, 'contact details', [401, 403, 'ok', 'ok', 'ok', 403, 'ok', 403]],
  ['organisation.view_review', pendingP, 'why it was refused', [401, 403, 404, 404, 404, 403, 'ok', 404]],
  ['organisation.view_team', organisationO, 'its team', [401, 403, 'ok', 'ok', 403, 403, 403, 403]],
  ['organisation.edit', organisationO, 'its profile', [401, 403, 403, 'ok', 403, 403, 403, 403]],
  ['organisation.manage_members', organisationO, 'its members', [401, 403, 403, 'ok', 403, 403, 403, 403]],
  ['calendar.view', organisationO, 'its feed', [401, 403, 'ok', 'ok', 403, 403, 403, 403]],
  ['calendar.manage', organisationO, 'renewing its feed', [401, 403, 403, 'ok', 403, 403, 403, 403]],
  ['inventory.import', organisationO, 'an import', [401, 403, 403, 'ok', 403, 403, 403, 403]],
  ['listing.create', organisationO, 'a new listing', [401, 403, 'ok', 'ok', 403, 403, 403, 403]],
  ['booking.request', organisationO, 'borrowing for it', [401, 403, 'ok', 'ok', 403, 403, 403, 403]],
  ['listing.view', listing(), 'a « réseaux » listing', [404, 404, 'ok', 'ok', 'ok', 'ok', 'ok', 404]],
  [
    'listing.view',
    listing({ visibility: 'all' }),
    'an « all » listing',
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  ['listing.view', listing({ findable: false }), 'a draft', [404, 404, 'ok', 'ok', 404, 'ok', 'ok', 404]],
  ['listing.edit', listing(), 'editing a listing', [401, 404, 'ok', 'ok', 403, 403, 403, 404]],
  ['listing.edit', listing({ findable: false }), 'editing a draft', [401, 404, 'ok', 'ok', 404, 403, 403, 404]],
  [
    'listing.view_unpublished',
    listing({ findable: false }),
    'a draft, as its own',
    [401, 404, 'ok', 'ok', 404, 403, 403, 404],
  ],
  [
    'network.see_listings',
    listing({ findable: false }),
    'a draft, as moderation',
    [401, 404, 403, 403, 404, 'ok', 'ok', 404],
  ],
  ['need.respond', organisationO, 'answering a need for it', [401, 403, 'ok', 'ok', 403, 403, 403, 403]],
  ['booking.view', loanOtoX, 'a loan', [401, 404, 'ok', 'ok', 'ok', 404, 404, 404]],
  ['booking.answer', loanOtoX, 'answering a request', [401, 404, 'ok', 'ok', 'ok', 404, 404, 404]],
  ['booking.message', loanOtoX, 'a message', [401, 404, 'ok', 'ok', 'ok', 404, 404, 404]],
  ['network.review_organisations', pendingP, 'approving a structure', [401, 403, 404, 404, 404, 403, 'ok', 404]],
  [
    'network.review_organisations',
    { type: 'networks' },
    'the review queue',
    [401, 403, 403, 403, 403, 403, 'ok', 'ok'],
  ],
  ['network.read_emails', { type: 'networks' }, 'the mailbox', [401, 403, 403, 403, 403, 403, 'ok', 'ok']],
  [
    'network.moderate_listings',
    { type: 'networks' },
    'the listings to review',
    [401, 403, 403, 403, 403, 'ok', 'ok', 'ok'],
  ],
];

describe('who may do what (decide)', () => {
  for (const [permission, target, what, expected] of table) {
    it(`${permission} on ${what}: ${who.map((w, i) => `${w} ${expected[i]}`).join(', ')}`, () => {
      expect(who.map((w) => statusOf(w, permission, target))).toEqual(expected);
    });
  }

  it('makes the borrower side answer nothing it is not granted, and says which side the caller stands on', () => {
    const both = person([{ organisation: 'O' }, { organisation: 'X' }]);
    const decision = decide(both, 'booking.view', loanOtoX);
    expect(decision.allowed && decision.sides).toEqual(['lender', 'borrower']);
  });

  it('holds trading permissions until the structure is approved and the address confirmed', () => {
    const suspended = person([{ organisation: 'O', status: 'suspended' }]);
    const unverified = person([{ organisation: 'O' }], [], false);
    const suspendedListing = listing({ organisationStatus: 'suspended', findable: false });
    expect(decide(suspended, 'listing.edit', suspendedListing)).toMatchObject({ code: 'organisation_not_active' });
    expect(decide(unverified, 'listing.edit', listing())).toMatchObject({ code: 'email_unverified' });
    expect(decide(suspended, 'booking.answer', loanOtoX)).toMatchObject({ code: 'organisation_not_active' });
    expect(decide(suspended, 'booking.message', loanOtoX).allowed).toBe(true);
  });

  it('freezes a listing hidden by moderation for its own structure, not for the moderators', () => {
    const hidden = listing({ findable: false, hidden: true });
    expect(decide(actors.ownerManager, 'listing.edit', hidden)).toMatchObject({ status: 403, code: 'listing_hidden' });
    expect(decide(actors.ownerMember, 'listing.view', hidden).allowed).toBe(true);
    expect(decide(actors.moderator, 'network.moderate_listings', hidden).allowed).toBe(true);
  });

  it('lets someone on both sides of a loan answer only for the side whose structure may commit', () => {
    const both = person([{ organisation: 'O', status: 'suspended' }, { organisation: 'X' }]);
    expect(decide(both, 'booking.answer', loanOtoX)).toMatchObject({ allowed: true, sides: ['borrower'] });
    expect(decide(both, 'booking.view', loanOtoX)).toMatchObject({ allowed: true, sides: ['lender', 'borrower'] });
  });

  it('gives a pending member of a structure nothing of it but the page', () => {
    const pendingMember = person([{ organisation: 'O', pending: true }]);
    expect(decide(pendingMember, 'organisation.view_team', organisationO)).toMatchObject({ status: 403 });
    expect(decide(pendingMember, 'listing.view', listing({ findable: false }))).toMatchObject({ status: 404 });
  });

  it('keeps contact details from structures outside the networks and from suspended ones', () => {
    const elsewhere = person([{ organisation: 'Y', networks: [M] }]);
    expect(decide(elsewhere, 'organisation.view_contacts', organisationO)).toMatchObject({ status: 403 });
    const suspendedViewer = person([{ organisation: 'X', status: 'suspended' }]);
    expect(decide(suspendedViewer, 'organisation.view_contacts', organisationO)).toMatchObject({ status: 403 });
  });
});

describe('the role table', () => {
  it('gives managers everything members have, and admins everything moderators have', () => {
    expect(structureRoleGrants.manager).toEqual(expect.arrayContaining([...structureRoleGrants.member]));
    expect(networkRoleGrants.admin).toEqual(expect.arrayContaining([...networkRoleGrants.moderator]));
  });

  it('keeps what commits the whole structure for its managers', () => {
    for (const permission of [
      'organisation.edit',
      'organisation.manage_members',
      'calendar.manage',
      'inventory.import',
    ] as const) {
      expect(structureRoleGrants.member).not.toContain(permission);
      expect(structureRoleGrants.manager).toContain(permission);
    }
  });
});
