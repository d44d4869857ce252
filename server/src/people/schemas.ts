import Type from 'typebox';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';
import { Nullable } from '../domain/nullable.ts';

const Uuid = Type.String({ format: 'uuid' });

export const PeopleQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Cherché dans le nom et l’adresse e-mail, sans tenir compte des accents',
      }),
    ),
    cursor: Type.Optional(CursorQuerySchema('directory-cursor')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type PeopleQuery = Type.Static<typeof PeopleQuerySchema>;

export const PersonParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });

/** A person as their networks' admins see them: only what belongs to the admins' networks. */
export const PersonSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  suspended: Type.Boolean(),
  suspendedAt: Nullable(Type.String({ format: 'date-time' })),
  suspensionReason: Nullable(Type.String({ description: 'Le motif, tel que saisi' })),
  structures: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      role: Type.Enum(['member', 'manager']),
      status: Type.Enum(['pending', 'active']),
    }),
    { description: 'Ses structures dans mes réseaux' },
  ),
  networkRoles: Type.Array(
    Type.Object({ networkId: Uuid, networkName: Type.String(), role: Type.Enum(['admin', 'moderator']) }),
    { description: 'Ses rôles dans mes réseaux' },
  ),
});
export type Person = Type.Static<typeof PersonSchema>;

export const PeopleListSchema = Type.Object({
  people: Type.Array(PersonSchema, { description: 'Par nom' }),
  nextCursor: Nullable(Type.String()),
});
export type PeopleList = Type.Static<typeof PeopleListSchema>;

export const SuspendPersonBodySchema = Type.Object(
  {
    reason: Type.String({
      maxLength: 1000,
      pattern: '\\S',
      description: 'Motif de la suspension, communiqué à la personne',
    }),
  },
  { additionalProperties: false },
);

export const SuspendedPersonSchema = Type.Object({
  person: PersonSchema,
  declinedRequests: Type.Integer({ description: 'Ses demandes en attente, refusées par la suspension' }),
  openLoans: Type.Integer({
    description: 'Les prêts acceptés ou en cours qu’elle a demandés : ils restent ouverts, à suivre',
  }),
});
