import Type from 'typebox';
import { followUpReasons } from '../domain/follow-ups.ts';
import { Nullable } from '../domain/nullable.ts';

/** What the moderation inbox lists: structures, listings, reports, loans and emails that wait for a human. */
export const inboxKinds = ['organisation', 'listing', 'report', 'loan', 'email'] as const;
export type InboxKind = (typeof inboxKinds)[number];

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });

export const InboxQuerySchema = Type.Object(
  {
    networkId: Type.Optional(Type.String({ format: 'uuid', description: 'Un seul de mes réseaux' })),
    kind: Type.Optional(Type.Enum([...inboxKinds], { description: 'Un seul genre d’entrées' })),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 400,
        description: 'Le nextCursor de la page précédente, tel quel (opaque)',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type InboxQuery = Type.Static<typeof InboxQuerySchema>;

export const CountsQuerySchema = Type.Object(
  { networkId: Type.Optional(Type.String({ format: 'uuid', description: 'Un seul de mes réseaux' })) },
  { additionalProperties: false },
);

const Named = Type.Object({ id: Uuid, name: Type.String() });

export const InboxEntrySchema = Type.Object({
  kind: Type.Enum([...inboxKinds]),
  reason: Nullable(Type.Enum([...followUpReasons], { description: 'Pour un prêt : pourquoi il attend quelqu’un' })),
  since: Instant,
  id: Type.String({
    description: 'Ce sur quoi agir : structure, annonce, signalement, prêt (uuid) ou e-mail (entier)',
  }),
  networks: Type.Array(Named, { description: 'Les réseaux (parmi les miens) où cette entrée attend' }),
  organisation: Nullable(Type.Object({ id: Uuid, name: Type.String(), city: Type.String(), kind: Type.String() })),
  listing: Nullable(
    Type.Object({
      id: Uuid,
      type: Type.Enum(['item', 'service']),
      title: Type.String(),
      organisation: Named,
    }),
  ),
  report: Nullable(
    Type.Object({
      id: Uuid,
      targetType: Type.String(),
      targetId: Uuid,
      reasonCode: Type.String(),
      targetLabel: Nullable(
        Type.String({ description: 'Le titre de l’annonce, le début du message ou le nom de la structure signalée' }),
      ),
      text: Type.String({ description: 'Ce que la personne a écrit, tel quel' }),
      organisation: Named,
    }),
  ),
  loan: Nullable(
    Type.Object({
      id: Uuid,
      kind: Type.Enum(['item', 'service']),
      status: Type.String(),
      lender: Named,
      borrower: Named,
      requesterName: Nullable(Type.String()),
      startDate: Nullable(Day),
      endDate: Nullable(Day),
      startsAt: Nullable(Instant),
      endsAt: Nullable(Instant),
      expiresAt: Nullable(Instant),
      returnCondition: Nullable(Type.String()),
      incidentNote: Nullable(Type.String()),
      items: Type.Array(Type.Object({ title: Type.String(), quantity: Type.Integer() })),
      serviceTitle: Nullable(Type.String()),
    }),
  ),
  email: Nullable(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      to: Type.String(),
      subject: Nullable(Type.String()),
      lastError: Nullable(Type.String()),
      attempts: Type.Integer(),
    }),
  ),
});
export type InboxEntry = Type.Static<typeof InboxEntrySchema>;

export const InboxListSchema = Type.Object({
  entries: Type.Array(InboxEntrySchema, { description: 'Les plus anciennes d’abord' }),
  nextCursor: Nullable(Type.String()),
});
export type InboxList = Type.Static<typeof InboxListSchema>;

export const InboxCountsSchema = Type.Object({
  organisations: Type.Integer({ description: 'Structures en attente de validation (admins)' }),
  listings: Type.Integer({ description: 'Annonces en attente de relecture' }),
  reports: Type.Integer({ description: 'Signalements ouverts' }),
  loans: Type.Integer({ description: 'Prêts qui demandent une personne' }),
  emails: Type.Integer({ description: 'E-mails en échec (admins)' }),
  total: Type.Integer(),
});
export type InboxCounts = Type.Static<typeof InboxCountsSchema>;

export const LoanParamsSchema = Type.Object({ bookingId: Uuid }, { additionalProperties: false });

export const FollowUpBodySchema = Type.Object(
  {
    reason: Type.Enum([...followUpReasons], { description: 'La raison pour laquelle le prêt attendait' }),
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'Ce qui a été fait, tel quel' })),
  },
  { additionalProperties: false },
);

export const FollowUpSchema = Type.Object({
  bookingId: Uuid,
  reason: Type.Enum([...followUpReasons]),
  networkIds: Type.Array(Uuid, { description: 'Les réseaux où le prêt est désormais traité' }),
  handledAt: Instant,
  note: Type.String(),
});
