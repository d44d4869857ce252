import Type from 'typebox';
import { searchSorts } from '../domain/catalogue.ts';
import { OrganisationKindSchema } from '../domain/organisations.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';

const Uuid = Type.String({ format: 'uuid' });

/** `:id` of an item, a service offer or a need. */
export const ListingParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });

/** The structure a listing belongs to, as every listing shows it. */
export const ListingOwnerSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: OrganisationKindSchema,
  city: Type.String(),
});

/** The search of items and service offers (items add their dates: items/schemas.ts). */
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
