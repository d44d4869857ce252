import Type from 'typebox';
import { availabilityFields } from '../domain/bookings.ts';
import { Nullable } from '../domain/nullable.ts';
import { itemConditions, itemFees, listingStatuses, listingVisibilities, searchSorts } from '../domain/catalogue.ts';
import { OrganisationKindSchema } from '../domain/organisations.ts';
import { CursorQuerySchema } from '../pagination/shapes.ts';

const Uuid = Type.String({ format: 'uuid' });

export const PhotoSchema = Type.Object({
  id: Uuid,
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
  urls: Type.Object({ small: Type.String(), medium: Type.String(), large: Type.String() }),
});

export const ListingOwnerSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: OrganisationKindSchema,
  city: Type.String(),
});
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

export const ListingSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Texte libre, en français (accents, majuscules et pluriels indifférents)',
      }),
    ),
    category: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9_-]+$',
        maxLength: 60,
        description: 'Catégorie (matériel, sous-catégories comprises) ou domaine (services)',
      }),
    ),
    territory: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Code du département (ex. 59)' })),
    organisation: Type.Optional(Type.String({ format: 'uuid', description: 'Une structure prêteuse' })),
    near: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 80,
        description: 'Commune (code INSEE ou nom) autour de laquelle chercher',
      }),
    ),
    radius_km: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 300, description: 'Rayon autour de near, en km (20 par défaut)' }),
    ),
    sort: Type.Optional(
      Type.Enum([...searchSorts], { description: 'relevance (avec q), distance (avec near), newest' }),
    ),
    cursor: Type.Optional(CursorQuerySchema('search-cursor')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type ListingSearchQuery = Type.Static<typeof ListingSearchQuerySchema>;

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

export const ListingParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });

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
      errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    }),
  ),
});
