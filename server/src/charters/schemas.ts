import Type from 'typebox';

const Instant = Type.String({ format: 'date-time' });
const Version = Type.Integer({ minimum: 1, description: 'Version de la charte (1, 2, …)' });

export const NetworkParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const NetworkIdParamsSchema = Type.Object(
  { networkId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

export const CharterSchema = Type.Object(
  {
    networkId: Type.String({ format: 'uuid' }),
    version: Version,
    body: Type.String({ description: 'Le texte, tel que l’admin l’a saisi (paragraphes séparés par une ligne vide)' }),
    publishedAt: Instant,
  },
  { description: 'La version en vigueur de la charte d’un réseau' },
);
export type Charter = Type.Static<typeof CharterSchema>;

export const CharterVersionListSchema = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Version,
      body: Type.String(),
      publishedAt: Instant,
      publishedBy: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }), Type.Null()]),
    }),
    { description: 'Toutes les versions, la plus récente d’abord' },
  ),
});
export type CharterVersionList = Type.Static<typeof CharterVersionListSchema>;

export const CharterPublicationSchema = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 20000 }) },
  { additionalProperties: false },
);

/** The networks a structure may join at sign-up, each with the charter it accepts (null: none published yet). */
export const NetworkCharterListSchema = Type.Object({
  networks: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      slug: Type.String(),
      name: Type.String(),
      description: Type.String(),
      isDefault: Type.Boolean(),
      charter: Type.Union([CharterSchema, Type.Null()]),
    }),
  ),
});
export type NetworkCharterList = Type.Static<typeof NetworkCharterListSchema>;

/** The new versions of the charters of my structures' networks that I have not read yet. */
export const UnreadChartersSchema = Type.Object({
  charters: Type.Array(
    Type.Intersect([
      CharterSchema,
      Type.Object({
        networkName: Type.String(),
        readVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
          description: 'La dernière version lue (null : jamais lue)',
        }),
      }),
    ]),
  ),
});
export type UnreadCharters = Type.Static<typeof UnreadChartersSchema>;

export const CharterReadingSchema = Type.Object({ version: Version }, { additionalProperties: false });

export const CharterReadSchema = Type.Object({
  networkId: Type.String({ format: 'uuid' }),
  version: Version,
  /** The structures whose acceptance of this version the reading recorded (the reader manages them). */
  acceptedFor: Type.Array(Type.String({ format: 'uuid' })),
});
export type CharterRead = Type.Static<typeof CharterReadSchema>;
