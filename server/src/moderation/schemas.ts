import Type from 'typebox';
import { OrganisationStatusSchema } from '../domain/organisations.ts';
import { OrganisationSummarySchema } from '../organisations/schemas.ts';

export const ReviewListQuerySchema = Type.Object(
  { status: Type.Optional(OrganisationStatusSchema) },
  { additionalProperties: false },
);

/** A structure as an admin reviews it: who asked, and how to reach them. */
export const OrganisationForReviewSchema = Type.Intersect([
  OrganisationSummarySchema,
  Type.Object({
    reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    rejectionReason: Type.Union([Type.String(), Type.Null()]),
    managers: Type.Array(Type.Object({ name: Type.String(), email: Type.String() })),
  }),
]);

export const ReviewListSchema = Type.Object({ organisations: Type.Array(OrganisationForReviewSchema) });

export const RejectBodySchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000, description: 'Motif, communiqué à la structure' })) },
  { additionalProperties: false },
);
