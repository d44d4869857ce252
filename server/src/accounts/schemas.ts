import Type from 'typebox';
import { passwordMinLength } from '../domain/accounts.ts';
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

/** « Vérifiez vos e-mails » and the like: something went (or may have gone) to a mailbox. */
export const SentSchema = Type.Object({ sent: Type.Boolean(), message: Type.String() });

export const PasswordChangeSchema = Type.Object(
  {
    currentPassword: Type.String({ maxLength: 200 }),
    newPassword: Type.String({ minLength: passwordMinLength, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const Instant = Type.String({ format: 'date-time' });

export const SessionListSchema = Type.Object(
  {
    sessions: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        createdAt: Instant,
        lastSeenAt: Type.Union([Instant, Type.Null()], {
          description: 'Dernière page de l’application ouverte avec cette session (à cinq minutes près)',
        }),
        expiresAt: Instant,
        browser: Type.Union([Type.String(), Type.Null()], { description: 'Navigateur, lu dans son User-Agent' }),
        system: Type.Union([Type.String(), Type.Null()], { description: 'Système, lu dans le User-Agent' }),
        ipAddress: Type.Union([Type.String(), Type.Null()], { description: 'Adresse de connexion' }),
        current: Type.Boolean({ description: 'La session de cette requête' }),
      }),
    ),
  },
  { description: 'Les sessions ouvertes du compte, la plus récemment utilisée d’abord' },
);

export const SessionParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const RevokedSchema = Type.Object({
  revoked: Type.Integer({ minimum: 0, description: 'Sessions fermées' }),
});
