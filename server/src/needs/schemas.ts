import Type from 'typebox';
import { Nullable } from '../domain/nullable.ts';
import { CategoryIdSchema, listingVisibilities, needKinds, needStatuses, serviceDomains } from '../domain/catalogue.ts';
import { ListingOwnerSchema } from '../listings/schemas.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';

const Uuid = Type.String({ format: 'uuid' });

const needCommon = {
  id: Uuid,
  kind: Type.Enum([...needKinds]),
  title: Type.String(),
  categoryId: Nullable(Type.String()),
  serviceDomain: Nullable(Type.Enum([...serviceDomains])),
  neededFrom: Nullable(Type.String({ format: 'date' })),
  neededUntil: Nullable(Type.String({ format: 'date' })),
  territoryCode: Nullable(Type.String()),
  status: Type.Enum([...needStatuses]),
  organisation: ListingOwnerSchema,
  responseCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
};

const NeedSummarySchema = Type.Object({ ...needCommon, excerpt: Type.String() });
export const NeedSearchResultSchema = Type.Object({
  items: Type.Array(NeedSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const NeedResponseSchema = Type.Object({
  id: Uuid,
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  author: Type.Object({ name: Type.String() }),
  message: Type.String(),
  item: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  service: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
});

export const NeedDetailSchema = Type.Object({
  ...needCommon,
  description: Type.String(),
  visibility: Type.Enum([...listingVisibilities]),
  responses: Type.Array(NeedResponseSchema, {
    description: 'Toutes les réponses pour la structure qui cherche ; les siennes pour une autre structure',
  }),
  viewer: Type.Object({ canEdit: Type.Boolean(), canRespond: Type.Boolean() }),
});

export const NeedSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(Type.Enum([...needKinds])),
    category: Type.Optional(CategoryIdSchema),
    territory: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    organisation: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum([...needStatuses], { default: 'open' })),
    sort: Type.Optional(Type.Enum(['relevance', 'newest'])),
    cursor: Type.Optional(CursorQuerySchema('search-cursor')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type NeedSearchQuery = Type.Static<typeof NeedSearchQuerySchema>;
