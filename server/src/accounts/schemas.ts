import Type from 'typebox';
import {
  MembershipRoleSchema,
  NetworkRoleSchema,
  OrganisationKindSchema,
  OrganisationStatusSchema,
} from '../domain/organisations.ts';

export const MeSchema = Type.Object(
  {
    user: Type.Object({
      id: Type.String({ format: 'uuid' }),
      email: Type.String(),
      name: Type.String(),
      locale: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
      emailVerified: Type.Boolean({
        description: 'Adresse confirmée : sans cela, on consulte mais on ne prête ni n’emprunte',
      }),
      emailUndeliverable: Type.Boolean({ description: 'Le serveur de courrier a refusé cette adresse : à corriger' }),
    }),
    memberships: Type.Array(
      Type.Object({
        role: MembershipRoleSchema,
        status: Type.Union([Type.Literal('pending'), Type.Literal('active')]),
        /** Derived: an active member of an approved structure publishes and borrows. */
        canTrade: Type.Boolean(),
        organisation: Type.Object({
          id: Type.String({ format: 'uuid' }),
          name: Type.String(),
          kind: OrganisationKindSchema,
          status: OrganisationStatusSchema,
          city: Type.String(),
        }),
      }),
    ),
    networkRoles: Type.Array(
      Type.Object({
        role: NetworkRoleSchema,
        network: Type.Object({ id: Type.String({ format: 'uuid' }), slug: Type.String(), name: Type.String() }),
      }),
    ),
  },
  { description: 'La personne connectée, ses structures et ses rôles dans les réseaux' },
);

export const SessionSchema = Type.Intersect([
  MeSchema,
  Type.Object({
    token: Type.String({ description: 'JWT à envoyer en `Authorization: Bearer` (le cookie est aussi posé)' }),
    expiresAt: Type.String({ format: 'date-time', description: 'Fin de la session' }),
  }),
]);
