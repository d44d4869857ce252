import Type from 'typebox';
import { AuditEntrySchema, auditActions } from '../domain/audit.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';
import { Nullable } from '../domain/nullable.ts';

export const AuditQuerySchema = Type.Object(
  {
    action: Type.Optional(Type.Enum([...auditActions], { description: 'Une seule action' })),
    organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'La structure concernée' })),
    actorId: Type.Optional(Type.String({ format: 'uuid', description: 'La personne qui a agi' })),
    from: Type.Optional(
      Type.String({ format: 'date', description: 'À partir de ce jour inclus (AAAA-MM-JJ, Europe/Paris)' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date', description: "Jusqu'à ce jour inclus (AAAA-MM-JJ, Europe/Paris)" }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Cherché dans la note, le nom de la structure et celui de la personne, sans tenir compte des accents',
      }),
    ),
    cursor: Type.Optional(CursorQuerySchema('id-cursor', 200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Type.Static<typeof AuditQuerySchema>;

/** An entry as the journal lists it: with the current name of the person it is about, if any. */
export const AuditListEntrySchema = Type.Object({
  ...AuditEntrySchema.properties,
  targetName: Nullable(
    Type.String({ description: 'Le nom actuel de la personne visée (une adhésion, un compte) ; null si effacée' }),
  ),
});

export const AuditListSchema = Type.Object({
  entries: Type.Array(AuditListEntrySchema, { description: 'Les plus récentes d’abord' }),
  nextCursor: Nullable(Type.String()),
});
export type AuditList = Type.Static<typeof AuditListSchema>;
