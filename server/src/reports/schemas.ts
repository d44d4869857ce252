import Type from 'typebox';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';
import { Nullable } from '../domain/nullable.ts';
import { OrganisationStatusSchema } from '../domain/organisations.ts';
import { reportOutcomes, reportReasons, reportTargets } from '../domain/reports.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

export const ReportTargetSchema = Type.Enum([...reportTargets], {
  description:
    'item : un objet ; service : une offre de service ; message : un message d’un prêt ; organisation : une structure',
});
export const ReportReasonSchema = Type.Enum([...reportReasons], {
  description: 'inappropriate, misleading (trompeur), spam, unsafe (dangereux), other',
});
export const ReportOutcomeSchema = Type.Enum([...reportOutcomes], {
  description: 'dismissed : classé sans suite ; hidden : annonce ou message masqué ; suspended : structure suspendue',
});

export const ReportCreateSchema = Type.Object(
  {
    targetType: ReportTargetSchema,
    targetId: Uuid,
    reasonCode: ReportReasonSchema,
    text: Type.Optional(Type.String({ maxLength: 2000, description: 'Ce que la personne veut ajouter, tel quel' })),
    organisationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'La structure pour laquelle vous signalez (par défaut la première de vos structures)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReportCreate = Type.Static<typeof ReportCreateSchema>;

export const ReportCreatedSchema = Type.Object({ id: Uuid });

const Named = Type.Object({ id: Uuid, name: Type.String() });

/** What a report is about, as the moderators read it; fields that do not apply to its type are null. */
export const ReportTargetSummarySchema = Type.Object({
  type: ReportTargetSchema,
  id: Uuid,
  exists: Type.Boolean({ description: 'False once the listing or message was deleted' }),
  title: Nullable(Type.String({ description: 'Le titre de l’annonce, le nom de la structure ; null pour un message' })),
  excerpt: Nullable(
    Type.String({ description: 'Le début du message, ou de la description de l’annonce (300 caractères)' }),
  ),
  status: Nullable(Type.String({ description: 'Le statut de l’annonce ou de la structure ; null pour un message' })),
  bookingId: Nullable(Uuid),
  hidden: Type.Boolean({ description: 'Annonce ou message masqué par la modération' }),
});

export const ReportResolutionSchema = Type.Object({
  outcome: ReportOutcomeSchema,
  note: Type.String({ description: 'Ce que la personne qui a traité a écrit, tel quel' }),
  resolvedAt: Instant,
  resolvedBy: Nullable(Named),
});

export const AdminReportSchema = Type.Object({
  id: Uuid,
  target: ReportTargetSummarySchema,
  structure: Nullable(Type.Object({ id: Uuid, name: Type.String(), status: OrganisationStatusSchema })),
  reasonCode: ReportReasonSchema,
  text: Type.String(),
  reporter: Type.Object({
    name: Nullable(Type.String({ description: 'null : compte effacé' })),
    structure: Nullable(Named),
  }),
  createdAt: Instant,
  resolution: Nullable(ReportResolutionSchema),
});
export type AdminReport = Type.Static<typeof AdminReportSchema>;

export const ReportListQuerySchema = Type.Object(
  {
    status: Type.Optional(
      Type.Enum(['open', 'resolved'], {
        description: 'open par défaut (les plus anciens d’abord) ; resolved : les plus récents d’abord',
      }),
    ),
    targetType: Type.Optional(ReportTargetSchema),
    cursor: Type.Optional(CursorQuerySchema('booking-cursor', 300)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type ReportListQuery = Type.Static<typeof ReportListQuerySchema>;

export const AdminReportListSchema = Type.Object({
  reports: Type.Array(AdminReportSchema),
  nextCursor: Nullable(Type.String()),
});
export type AdminReportList = Type.Static<typeof AdminReportListSchema>;

export const AdminReportDetailSchema = Type.Object({
  ...AdminReportSchema.properties,
  otherReports: Type.Array(AdminReportSchema, { description: 'Les autres signalements de la même cible' }),
  standing: Nullable(
    Type.Object({
      status: OrganisationStatusSchema,
      openReports: Type.Integer({ description: 'Signalements ouverts sur cette structure et ce qu’elle publie' }),
      hiddenListings: Type.Integer({ description: 'Ses annonces masquées par la modération' }),
    }),
  ),
});
export type AdminReportDetail = Type.Static<typeof AdminReportDetailSchema>;

export const ReportParamsSchema = Type.Object({ id: Uuid });

export const ResolveReportSchema = Type.Object(
  {
    outcome: ReportOutcomeSchema,
    note: Type.String({
      minLength: 1,
      maxLength: 2000,
      pattern: '\\S',
      description: 'Ce que vous avez fait, tel quel',
    }),
  },
  { additionalProperties: false },
);
export type ResolveReport = Type.Static<typeof ResolveReportSchema>;

/** A report as its reporter follows it: what they flagged and what came of it (not the moderators' note). */
export const MyReportSchema = Type.Object({
  id: Uuid,
  target: Type.Object({ type: ReportTargetSchema, id: Uuid, title: Nullable(Type.String()) }),
  reasonCode: ReportReasonSchema,
  text: Type.String(),
  createdAt: Instant,
  outcome: Nullable(ReportOutcomeSchema),
  resolvedAt: Nullable(Instant),
});

export const MyReportListSchema = Type.Object({
  reports: Type.Array(MyReportSchema, { description: 'Les plus récents d’abord (100 au plus)' }),
});
export type MyReportList = Type.Static<typeof MyReportListSchema>;
