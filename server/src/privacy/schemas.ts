import Type from 'typebox';
import { auditActions, auditTargets } from '../domain/audit.ts';
import { bookingStatuses } from '../domain/booking-lifecycle.ts';
import { Nullable } from '../domain/nullable.ts';
import { MembershipRoleSchema, NetworkRoleSchema } from '../domain/organisations.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date', description: 'Jour de Paris (AAAA-MM-JJ)' });
/** Another structure, or a network: by name, never a person. */
const Named = Type.Object({ id: Uuid, name: Type.String() });

export const UserParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });

export const DeleteMeBodySchema = Type.Object(
  { password: Type.String({ description: 'Le mot de passe actuel : supprimer son compte demande de le retaper' }) },
  { additionalProperties: false },
);

export const DeleteUserBodySchema = Type.Object(
  {
    note: Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        'La demande, telle que reçue (date, canal). Sans le nom ni l’adresse de la personne : le journal garde la note pour toujours.',
    }),
  },
  { additionalProperties: false },
);

export const ErasureScheduledSchema = Type.Object({
  eraseAfter: Type.String({
    format: 'date-time',
    description: 'Le compte sera effacé après cet instant, sauf si la personne se connecte avant',
  }),
});

/**
 * « Mes données »: what the person gave and what the platform recorded about them. Other people
 * never appear by name or address: other structures by name, people not at all (their ids at most).
 */
export const PersonalDataExportSchema = Type.Object(
  {
    format: Type.Literal('mutua-personal-data/1'),
    exportedAt: Instant,
    profile: Type.Object({
      id: Uuid,
      name: Type.String(),
      email: Type.String(),
      locale: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
      createdAt: Instant,
      lastLoginAt: Nullable(Instant),
      emailVerifiedAt: Nullable(Instant),
      emailUndeliverableAt: Nullable(Instant),
      suspendedAt: Nullable(Instant),
      suspensionReason: Nullable(Type.String()),
      deletionRequestedAt: Nullable(Instant),
      eraseAfter: Nullable(Instant),
    }),
    sessions: Type.Array(
      Type.Object({
        createdAt: Instant,
        lastSeenAt: Nullable(Instant),
        expiresAt: Instant,
        userAgent: Nullable(Type.String()),
        ipAddress: Nullable(Type.String()),
      }),
    ),
    memberships: Type.Array(
      Type.Object({
        organisation: Named,
        role: MembershipRoleSchema,
        status: Type.Union([Type.Literal('pending'), Type.Literal('active')]),
        createdAt: Instant,
      }),
    ),
    networkRoles: Type.Array(Type.Object({ network: Named, role: NetworkRoleSchema, createdAt: Instant })),
    requests: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.Union([Type.Literal('item'), Type.Literal('service')]),
        status: Type.Enum([...bookingStatuses]),
        basketId: Nullable(Uuid),
        lender: Named,
        borrower: Named,
        lines: Type.Array(Type.Object({ itemId: Uuid, title: Type.String(), quantity: Type.Integer() })),
        service: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
        startDate: Nullable(Day),
        endDate: Nullable(Day),
        startsAt: Nullable(Instant),
        endsAt: Nullable(Instant),
        message: Type.String({ description: 'Le message de la demande, tel que la personne l’a écrit' }),
        createdAt: Instant,
      }),
    ),
    baskets: Type.Array(Type.Object({ id: Uuid, borrower: Named, startDate: Day, endDate: Day, createdAt: Instant })),
    bookingSteps: Type.Array(
      Type.Object({
        bookingId: Uuid,
        action: Type.String(),
        toStatus: Type.Enum([...bookingStatuses]),
        note: Nullable(Type.String({ description: 'Ce que la personne a écrit avec l’étape' })),
        at: Instant,
      }),
      { description: 'Les étapes de prêts que la personne a faites (accepter, retirer, rendre…)' },
    ),
    messages: Type.Array(
      Type.Object({
        id: Uuid,
        bookingId: Uuid,
        organisation: Named,
        body: Type.String(),
        createdAt: Instant,
        hiddenAt: Nullable(Instant),
      }),
      { description: 'Seulement les messages que la personne a écrits : ceux des autres sont leurs données' },
    ),
    needResponses: Type.Array(
      Type.Object({ id: Uuid, needId: Uuid, organisation: Named, message: Type.String(), createdAt: Instant }),
    ),
    notifications: Type.Array(
      Type.Object({
        kind: Type.String(),
        channel: Type.Union([Type.Literal('in_app'), Type.Literal('email')]),
        params: Type.Record(Type.String(), Type.Unknown(), { description: 'Les codes et valeurs de l’événement' }),
        toAddress: Nullable(Type.String()),
        status: Nullable(Type.String()),
        createdAt: Instant,
        readAt: Nullable(Instant),
        sentAt: Nullable(Instant),
      }),
    ),
    notificationPreferences: Type.Array(
      Type.Object({
        kind: Type.String(),
        email: Type.Union([Type.Literal('immediate'), Type.Literal('digest'), Type.Literal('off')]),
        updatedAt: Instant,
      }),
    ),
    reports: Type.Array(
      Type.Object({
        id: Uuid,
        targetType: Type.String(),
        targetId: Uuid,
        about: Named,
        reasonCode: Type.String(),
        text: Type.String(),
        createdAt: Instant,
        resolvedAt: Nullable(Instant),
        outcome: Nullable(Type.String()),
      }),
      { description: 'Les signalements que la personne a faits' },
    ),
    charterReadings: Type.Array(Type.Object({ network: Named, version: Type.Integer(), readAt: Instant })),
    audit: Type.Array(
      Type.Object({
        at: Instant,
        action: Type.Enum([...auditActions]),
        as: Type.Union([Type.Literal('actor'), Type.Literal('target')], {
          description: 'actor : la personne a agi ; target : l’entrée la concerne',
        }),
        targetType: Type.Enum([...auditTargets]),
        targetId: Type.String(),
        organisation: Nullable(Named),
        before: Nullable(Type.Record(Type.String(), Type.Unknown())),
        after: Nullable(Type.Record(Type.String(), Type.Unknown())),
        note: Nullable(Type.String()),
      }),
      { description: 'Les entrées du journal où la personne a agi, ou qui la concernent' },
    ),
  },
  { additionalProperties: false },
);
export type PersonalDataExport = Type.Static<typeof PersonalDataExportSchema>;
