import Type from 'typebox';

export const organisationKinds = ['association', 'cooperative', 'collectivite', 'entreprise', 'individuel'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationStatuses = ['pending', 'active', 'rejected', 'suspended'] as const;
export type OrganisationStatus = (typeof organisationStatuses)[number];

export const membershipRoles = ['member', 'manager'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export const networkRoleNames = ['admin', 'moderator'] as const;
export type NetworkRoleName = (typeof networkRoleNames)[number];

/** Only an active structure publishes listings and borrows; a pending one can browse. */
export function organisationCanTrade(status: OrganisationStatus): boolean {
  return status === 'active';
}

export const OrganisationKindSchema = Type.Enum([...organisationKinds], {
  description: 'association, coopérative (cooperative), collectivité (collectivite), entreprise ou individuel',
});
export const OrganisationStatusSchema = Type.Enum([...organisationStatuses]);
export const MembershipRoleSchema = Type.Enum([...membershipRoles]);
export const NetworkRoleSchema = Type.Enum([...networkRoleNames]);

const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });

export const PostcodeSchema = Type.String({ pattern: '^[0-9]{5}$', description: 'Code postal à 5 chiffres' });

/** The fields of a new structure, as filled in at registration. */
export const NewOrganisationSchema = Type.Object(
  {
    name: Text(2, 120),
    kind: OrganisationKindSchema,
    city: Text(1, 80),
    postcode: PostcodeSchema,
    networkId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Réseau rejoint (par défaut : le réseau principal)' }),
    ),
  },
  { additionalProperties: false },
);

/** What a manager may change on their structure. */
export const OrganisationPatchSchema = Type.Object(
  {
    name: Type.Optional(Text(2, 120)),
    kind: Type.Optional(OrganisationKindSchema),
    description: Type.Optional(Text(0, 4000)),
    address: Type.Optional(Text(0, 200)),
    city: Type.Optional(Text(1, 80)),
    postcode: Type.Optional(PostcodeSchema),
    contactEmail: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9 +().-]{6,20}$' }), Type.Null()])),
    website: Type.Optional(
      Type.Union([Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 }), Type.Null()]),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OrganisationPatch = Type.Static<typeof OrganisationPatchSchema>;
