import Type from 'typebox';
import { Nullable } from '../domain/nullable.ts';
import { MembershipRoleSchema, OrganisationKindSchema, OrganisationStatusSchema } from '../domain/organisations.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';

const Uuid = Type.String({ format: 'uuid' });

const NetworkRefSchema = Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() });

/** What anyone may see of a structure. */
export const OrganisationSummarySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: OrganisationKindSchema,
  status: OrganisationStatusSchema,
  description: Type.String(),
  city: Type.String(),
  postcode: Type.String(),
  territoryCode: Nullable(Type.String()),
  website: Nullable(Type.String()),
  networks: Type.Array(NetworkRefSchema),
  createdAt: Type.String({ format: 'date-time' }),
});

/**
 * One structure; its address, email and phone only for those who may see them (`viewer.seesContacts`:
 * people of approved structures in a shared network, and its admins), `viewer` says what the caller may do.
 */
export const OrganisationDetailSchema = Type.Intersect([
  OrganisationSummarySchema,
  Type.Object({
    address: Type.Optional(Type.String()),
    contactEmail: Type.Optional(Nullable(Type.String())),
    phone: Type.Optional(Nullable(Type.String())),
    rejectionReason: Type.Optional(
      Nullable(Type.String({ description: 'Motif du refus (pour la structure et ses admins)' })),
    ),
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    viewer: Type.Object({
      role: Nullable(MembershipRoleSchema),
      membershipStatus: Nullable(Type.Union([Type.Literal('pending'), Type.Literal('active')])),
      canEdit: Type.Boolean(),
      seesContacts: Type.Boolean({ description: 'Vrai quand address, contactEmail et phone sont donnés' }),
    }),
  }),
]);

export const OrganisationListQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Recherche sur le nom ou la commune (sans tenir compte des accents)',
      }),
    ),
    territory: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Code du département (ex. 59)' })),
    kind: Type.Optional(OrganisationKindSchema),
    network: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
    cursor: Type.Optional(CursorQuerySchema('directory-cursor')),
  },
  { additionalProperties: false },
);
export type OrganisationListQuery = Type.Static<typeof OrganisationListQuerySchema>;

export const OrganisationListSchema = Type.Object({
  organisations: Type.Array(OrganisationSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const OrganisationParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });
export const MemberParamsSchema = Type.Object({ id: Uuid, userId: Uuid }, { additionalProperties: false });

export const MemberSchema = Type.Object({
  user: Type.Object({ id: Uuid, name: Type.String(), email: Type.String() }),
  role: MembershipRoleSchema,
  status: Type.Union([Type.Literal('pending'), Type.Literal('active')]),
  createdAt: Type.String({ format: 'date-time' }),
});
export const MemberListSchema = Type.Object({ members: Type.Array(MemberSchema) });

export const MemberRolePatchSchema = Type.Object({ role: MembershipRoleSchema }, { additionalProperties: false });

export const InvitationSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: MembershipRoleSchema,
  expiresAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export const InvitationListSchema = Type.Object({ invitations: Type.Array(InvitationSchema) });

/** What an invitation link offers, read before it is used. */
export const InvitationDetailSchema = Type.Object({
  organisationName: Type.String(),
  role: MembershipRoleSchema,
  email: Type.String(),
  hasAccount: Type.Boolean(),
});
export const InvitationAcceptedSchema = Type.Object({ organisationId: Uuid });
