import Type from 'typebox';

export const CategorySchema = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String({ description: 'Nom dans la langue demandée (fr par défaut)' }),
  nameFr: Type.String(),
  nameEn: Type.String(),
});
export const CategoryListSchema = Type.Object({ categories: Type.Array(CategorySchema) });

export const TerritorySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  region: Type.String(),
  communes: Type.Array(
    Type.Object({
      inseeCode: Type.String(),
      name: Type.String(),
      postcode: Type.String(),
      latitude: Type.Number(),
      longitude: Type.Number(),
    }),
  ),
});
export const TerritoryListSchema = Type.Object({ territories: Type.Array(TerritorySchema) });

export const LanguageQuerySchema = Type.Object(
  { lang: Type.Optional(Type.Enum(['fr', 'en'])) },
  { additionalProperties: false },
);
