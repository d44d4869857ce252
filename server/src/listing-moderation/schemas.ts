import Type from 'typebox';
import { listingStatuses } from '../domain/catalogue.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';
import { Nullable } from '../domain/nullable.ts';
import { OrganisationStatusSchema } from '../domain/organisations.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

export const moderatedListingTypes = ['item', 'service'] as const;
export type ModeratedListingType = (typeof moderatedListingTypes)[number];
export const ModeratedListingTypeSchema = Type.Enum([...moderatedListingTypes], {
  description: 'item : un objet ; service : une offre de service',
});

/** The statuses a moderator lists: what waits, what they hid, what is out, what was archived. */
export const moderationListStatuses = ['pending_review', 'hidden', 'published', 'archived'] as const;

export const ListingModerationQuerySchema = Type.Object(
  {
    status: Type.Optional(
      Type.Enum([...moderationListStatuses], {
        description: 'pending_review par défaut (les plus anciennes d’abord) ; les autres, les plus récentes d’abord',
      }),
    ),
    type: Type.Optional(ModeratedListingTypeSchema),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Cherché dans le titre et le nom de la structure' }),
    ),
    cursor: Type.Optional(CursorQuerySchema('booking-cursor', 300)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ListingModerationQuery = Type.Static<typeof ListingModerationQuerySchema>;

export const ModeratedListingSchema = Type.Object({
  id: Uuid,
  type: ModeratedListingTypeSchema,
  title: Type.String(),
  description: Type.String({ description: 'Les 300 premiers caractères' }),
  status: Type.Enum([...listingStatuses]),
  structure: Type.Object({ id: Uuid, name: Type.String(), status: OrganisationStatusSchema }),
  category: Type.String({ description: 'La catégorie d’un objet, le domaine d’une offre de service (codes)' }),
  createdAt: Instant,
  updatedAt: Instant,
  networks: Type.Array(Type.Object({ id: Uuid, name: Type.String() }), {
    description: 'Les réseaux de la structure que vous modérez',
  }),
});
export type ModeratedListing = Type.Static<typeof ModeratedListingSchema>;

export const ModeratedListingListSchema = Type.Object({
  listings: Type.Array(ModeratedListingSchema),
  nextCursor: Nullable(Type.String()),
});
export type ModeratedListingList = Type.Static<typeof ModeratedListingListSchema>;

export const ModerationParamsSchema = Type.Object({
  type: Type.Enum(['items', 'services'], { description: 'items : objets ; services : offres de service' }),
  id: Uuid,
});

/** Something a moderator typed for the structure to read: required, and not only spaces. */
const Written = (description: string) => Type.String({ maxLength: 1000, pattern: '\\S', description });

export const RequestListingChangesBodySchema = Type.Object(
  { message: Written('Ce que la structure doit modifier avant publication, communiqué à ses membres') },
  { additionalProperties: false },
);

export const HideListingBodySchema = Type.Object(
  { reason: Written('Pourquoi l’annonce est masquée, communiqué à la structure') },
  { additionalProperties: false },
);

export const ArchiveListingBodySchema = Type.Object(
  { reason: Type.Optional(Written('Pourquoi l’annonce est archivée, communiqué à la structure')) },
  { additionalProperties: false },
);
