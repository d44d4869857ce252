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

/** Something a person typed for the structure to read: required, and not only spaces. */
const Written = (description: string) => Type.String({ maxLength: 1000, pattern: '\\S', description });

export const RejectBodySchema = Type.Object(
  { reason: Written('Motif, communiqué à la structure') },
  { additionalProperties: false },
);

export const SuspendBodySchema = Type.Object(
  { reason: Written('Motif de la suspension, communiqué aux membres de la structure') },
  { additionalProperties: false },
);

export const RequestChangesBodySchema = Type.Object(
  { message: Written('Ce que la structure doit modifier, communiqué à ses gestionnaires') },
  { additionalProperties: false },
);

export const SuspendedOrganisationSchema = Type.Intersect([
  OrganisationForReviewSchema,
  Type.Object({
    declinedRequests: Type.Integer({ description: 'Demandes en attente refusées par la suspension' }),
    openLoans: Type.Integer({ description: 'Prêts acceptés ou en cours qui restent ouverts, à suivre' }),
  }),
]);
