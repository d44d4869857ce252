import Type from 'typebox';
import { availabilityFields } from '../domain/bookings.ts';
import { Nullable } from '../domain/nullable.ts';
import { itemConditions, itemFees, listingStatuses, listingVisibilities } from '../domain/catalogue.ts';
import { ListingOwnerSchema, ListingSearchQuerySchema } from '../listings/schemas.ts';
import { PhotoSchema } from '../photos/schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

const CategoryRefSchema = Type.Object({ id: Type.String(), name: Type.String(), parentId: Nullable(Type.String()) });

/** An item as a search result shows it. */
export const ItemSummarySchema = Type.Object({
  id: Uuid,
  kind: Type.Literal('item'),
  title: Type.String(),
  excerpt: Type.String({ description: 'Début de la description' }),
  category: CategoryRefSchema,
  quantity: Type.Integer(),
  condition: Type.Enum([...itemConditions]),
  fee: Type.Enum([...itemFees]),
  feeAmount: Nullable(Type.Number()),
  deposit: Nullable(Type.Number()),
  city: Type.String(),
  postcode: Type.String(),
  territoryCode: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  status: Type.Enum([...listingStatuses]),
  visibility: Type.Enum([...listingVisibilities]),
  organisation: ListingOwnerSchema,
  photo: Nullable(PhotoSchema),
  distanceKm: Nullable(Type.Number()),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ItemSearchResultSchema = Type.Object({
  items: Type.Array(ItemSummarySchema),
  nextCursor: Nullable(Type.String()),
});

/** One item, whole: what a borrower needs to decide, and what its lender edits. */
export const ItemDetailSchema = Type.Object({
  id: Uuid,
  kind: Type.Literal('item'),
  title: Type.String(),
  description: Type.String(),
  category: CategoryRefSchema,
  quantity: Type.Integer(),
  condition: Type.Enum([...itemConditions]),
  replacementValue: Type.Number(),
  deposit: Nullable(Type.Number()),
  fee: Type.Enum([...itemFees]),
  feeAmount: Nullable(Type.Number()),
  pickupAddress: Type.String(),
  pickupCity: Type.String(),
  pickupPostcode: Type.String(),
  pickupInstructions: Type.String(),
  territoryCode: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  usageRules: Type.String(),
  minLoanDays: Type.Integer(),
  maxLoanDays: Nullable(Type.Integer()),
  minNoticeDays: Type.Integer(),
  ...availabilityFields,
  visibility: Type.Enum([...listingVisibilities]),
  status: Type.Enum([...listingStatuses]),
  organisation: ListingOwnerSchema,
  photos: Type.Array(PhotoSchema),
  viewer: Type.Object({
    canEdit: Type.Boolean(),
    canBorrow: Type.Boolean({
      description: 'Vous pouvez demander cet objet (une autre structure validée que la sienne)',
    }),
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** Items are also found by dates: free for the whole of [available_from, available_to], in that quantity. */
export const ItemSearchQuerySchema = Type.Object(
  {
    ...ListingSearchQuerySchema.properties,
    available_from: Type.Optional(
      Type.String({ format: 'date', description: 'Libre à partir de ce jour (AAAA-MM-JJ), avec available_to' }),
    ),
    available_to: Type.Optional(
      Type.String({ format: 'date', description: "Libre jusqu'à ce jour inclus (AAAA-MM-JJ)" }),
    ),
    quantity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000, description: 'Unités voulues sur ces dates (1 par défaut)' }),
    ),
  },
  { additionalProperties: false },
);
export type ItemSearchQuery = Type.Static<typeof ItemSearchQuerySchema>;

export const ImportQuerySchema = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'true : vérifier sans rien écrire' })),
    organisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ImportReportSchema = Type.Object({
  dryRun: Type.Boolean(),
  created: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'Numéro de ligne dans le fichier (les en-têtes sont la ligne 1)' }),
      status: Type.Enum(['valid', 'created', 'invalid']),
      title: Type.String(),
      itemId: Type.Optional(Uuid),
      errors: Type.Array(
        Type.Object({
          field: Type.String({ description: 'La colonne du fichier, telle qu’écrite' }),
          message: Type.String(),
        }),
      ),
    }),
  ),
});
