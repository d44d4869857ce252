import Type from 'typebox';

const CategoryId = Type.String({
  pattern: '^[a-z0-9-]+$',
  minLength: 2,
  maxLength: 60,
  description: 'Identifiant (slug)',
});
const CategoryName = Type.String({ minLength: 1, maxLength: 80 });
const Position = Type.Integer({ minimum: 0, maximum: 10000, description: 'Rang parmi les catégories sœurs' });

export const AdminCategorySchema = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  nameFr: Type.String(),
  nameEn: Type.String(),
  position: Type.Integer(),
  itemCount: Type.Integer({ minimum: 0, description: 'Objets et besoins rangés dans cette catégorie' }),
  childCount: Type.Integer({ minimum: 0, description: 'Sous-catégories' }),
});
export type AdminCategory = Type.Static<typeof AdminCategorySchema>;

export const AdminCategoryListSchema = Type.Object({
  categories: Type.Array(AdminCategorySchema, { description: 'Chaque famille suivie de ses sous-catégories' }),
});
export type AdminCategoryList = Type.Static<typeof AdminCategoryListSchema>;

export const CategoryCreateSchema = Type.Object(
  {
    id: CategoryId,
    parentId: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    nameFr: CategoryName,
    nameEn: CategoryName,
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type CategoryCreate = Type.Static<typeof CategoryCreateSchema>;

export const CategoryPatchSchema = Type.Object(
  { nameFr: Type.Optional(CategoryName), nameEn: Type.Optional(CategoryName), position: Type.Optional(Position) },
  { additionalProperties: false, minProperties: 1 },
);
export type CategoryPatch = Type.Static<typeof CategoryPatchSchema>;

export const CategoryParamsSchema = Type.Object(
  { id: Type.String({ maxLength: 60 }) },
  { additionalProperties: false },
);

export const DeletedSchema = Type.Object({ deleted: Type.Literal(true) });

export const NetworkTerritoriesParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const NetworkTerritoriesSchema = Type.Object({
  networkId: Type.String({ format: 'uuid' }),
  codes: Type.Array(Type.String(), { description: 'Les départements où le réseau agit, par code' }),
});
export type NetworkTerritories = Type.Static<typeof NetworkTerritoriesSchema>;

export const NetworkTerritoriesPutSchema = Type.Object(
  { codes: Type.Array(Type.String({ maxLength: 3 }), { maxItems: 120, uniqueItems: true }) },
  { additionalProperties: false },
);
