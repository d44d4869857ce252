import Type from 'typebox';
import { ListingReviewPolicySchema } from '../domain/networks.ts';

const Uuid = Type.String({ format: 'uuid' });

export const NetworkParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });
export const ModeratorParamsSchema = Type.Object({ id: Uuid, userId: Uuid }, { additionalProperties: false });

export const StaffMemberSchema = Type.Object({
  userId: Uuid,
  name: Type.String(),
  email: Type.String(),
  role: Type.Enum(['admin', 'moderator']),
});

/** A network as its admins run it: its settings and who staffs it. */
export const NetworkSettingsSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  listingReview: ListingReviewPolicySchema,
  overdueDaysBeforeInbox: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'Un prêt en retard de plus de ce nombre de jours arrive dans la boîte de modération',
  }),
  staff: Type.Array(StaffMemberSchema, { description: 'Administrateur·rices puis modérateur·rices, par nom' }),
});
export type NetworkSettings = Type.Static<typeof NetworkSettingsSchema>;

export const NetworkListSchema = Type.Object({ networks: Type.Array(NetworkSettingsSchema) });

export const NetworkPatchSchema = Type.Object(
  {
    listingReview: Type.Optional(ListingReviewPolicySchema),
    overdueDaysBeforeInbox: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type NetworkPatch = Type.Static<typeof NetworkPatchSchema>;

export const AddModeratorBodySchema = Type.Object(
  {
    email: Type.String({
      minLength: 3,
      maxLength: 320,
      pattern: '^\\s*[^\\s@]+@[^\\s@]+\\s*$',
      description: 'L’adresse du compte de la personne (elle doit déjà avoir un compte)',
    }),
  },
  { additionalProperties: false },
);
