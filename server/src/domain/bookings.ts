import Type from 'typebox';
import { bookingActions, bookingStatuses } from './booking-lifecycle.ts';
import { declineCodes } from './notifications.ts';
import { Nullable } from './nullable.ts';
import { OrganisationKindSchema } from './organisations.ts';
import { CursorQuerySchema } from './cursor-shapes.ts';

/**
 * The booking contract (demandes de prêt et réservations), shared by the API and the app.
 * Routes, error codes and behaviour: server/src/bookings/README.md.
 * Calendar days are `YYYY-MM-DD` strings in Europe/Paris; instants are ISO strings.
 */

export const blockedReasons = ['closed', 'repair', 'internal_use'] as const;
export type BlockedReason = (typeof blockedReasons)[number];
export const returnConditions = ['as_lent', 'worn', 'damaged', 'incomplete'] as const;
export const bookingRoles = ['borrower', 'lender'] as const;
export type BookingRole = (typeof bookingRoles)[number];

/** Why a day cannot be chosen, first reason wins (see availability/rules.ts). */
export const unavailableReasons = ['past', 'notice', 'beyond_horizon', 'blocked', 'fully_booked'] as const;
export type UnavailableReason = (typeof unavailableReasons)[number];

/** The overall state of a « panier »: what the borrower sees first. */
export const groupStates = ['waiting', 'accepted', 'partly_accepted', 'refused', 'cancelled', 'finished'] as const;

const Uuid = Type.String({ format: 'uuid' });
export const DaySchema = Type.String({ format: 'date', description: 'Jour, AAAA-MM-JJ (Europe/Paris)' });
const Instant = Type.String({ format: 'date-time' });
const Note = (max: number) => Type.String({ maxLength: max });
export const ClockTimeSchema = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Heure, HH:MM (Europe/Paris)',
});
const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: '1 = lundi … 7 = dimanche' });

/** The lender's availability rules of an item (editable with the item). */
export const availabilityFields = {
  handoverWeekdays: Type.Array(Weekday, {
    minItems: 1,
    maxItems: 7,
    uniqueItems: true,
    description: 'Jours de retrait et de retour',
  }),
  handoverOpensAt: Nullable(ClockTimeSchema),
  handoverClosesAt: Nullable(ClockTimeSchema),
  bufferDays: Type.Integer({ minimum: 0, maximum: 30, description: 'Jours libres entre deux prêts' }),
  horizonDays: Type.Integer({
    minimum: 1,
    maximum: 730,
    description: "Jusqu'à combien de jours à l'avance on peut réserver",
  }),
};

export const ServiceSlotSchema = Type.Object(
  { weekday: Weekday, startsAt: ClockTimeSchema, endsAt: ClockTimeSchema },
  { additionalProperties: false },
);
export type ServiceSlot = Type.Static<typeof ServiceSlotSchema>;

export const AvailabilityQuerySchema = Type.Object(
  {
    from: DaySchema,
    to: Type.Optional(DaySchema),
    quantity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000, description: 'Unités voulues (1 par défaut)' }),
    ),
  },
  { additionalProperties: false },
);

export const AvailabilityDaySchema = Type.Object({
  date: DaySchema,
  unitsFree: Type.Integer({ description: 'Unités libres ce jour-là' }),
  /** Whether a loan may include this day. */
  bookable: Type.Boolean(),
  /** Whether the item can be picked up or brought back that day (a handover weekday). */
  handover: Type.Boolean(),
  reason: Nullable(Type.Enum([...unavailableReasons], { description: 'Pourquoi le jour ne peut pas être réservé' })),
  blockedReason: Nullable(Type.Enum([...blockedReasons])),
});
export type AvailabilityDay = Type.Static<typeof AvailabilityDaySchema>;

export const AvailabilitySchema = Type.Object({
  itemId: Uuid,
  quantity: Type.Integer(),
  today: DaySchema,
  rules: Type.Object({
    minLoanDays: Type.Integer(),
    maxLoanDays: Nullable(Type.Integer()),
    minNoticeDays: Type.Integer(),
    ...availabilityFields,
    firstBookableDay: DaySchema,
    lastBookableDay: DaySchema,
  }),
  days: Type.Array(AvailabilityDaySchema),
});
export type Availability = Type.Static<typeof AvailabilitySchema>;

export const BlockedPeriodCreateSchema = Type.Object(
  { startDate: DaySchema, endDate: DaySchema, reason: Type.Enum([...blockedReasons]), note: Type.Optional(Note(500)) },
  { additionalProperties: false },
);
export type BlockedPeriodCreate = Type.Static<typeof BlockedPeriodCreateSchema>;
export const BlockedPeriodSchema = Type.Object({
  id: Uuid,
  startDate: DaySchema,
  endDate: DaySchema,
  reason: Type.Enum([...blockedReasons]),
  note: Type.String(),
});

const OnBehalf = Type.Optional(
  Type.String({
    format: 'uuid',
    description: 'Structure emprunteuse (par défaut : la vôtre, si vous en avez une seule)',
  }),
);
const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });
const Message = Type.Optional(Note(4000));

export const ItemBookingCreateSchema = Type.Object(
  {
    itemId: Uuid,
    quantity: Type.Optional(Quantity),
    startDate: DaySchema,
    endDate: DaySchema,
    message: Message,
    organisationId: OnBehalf,
  },
  { additionalProperties: false, title: 'Demande de prêt' },
);
export const ServiceBookingCreateSchema = Type.Object(
  { serviceId: Uuid, startsAt: Instant, endsAt: Instant, message: Message, organisationId: OnBehalf },
  { additionalProperties: false, title: 'Demande de service' },
);
export const BookingCreateSchema = Type.Union([ItemBookingCreateSchema, ServiceBookingCreateSchema]);
export type ItemBookingCreate = Type.Static<typeof ItemBookingCreateSchema>;
export type ServiceBookingCreate = Type.Static<typeof ServiceBookingCreateSchema>;

export const BatchCreateSchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object({ itemId: Uuid, quantity: Type.Optional(Quantity) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 50 },
    ),
    startDate: DaySchema,
    endDate: DaySchema,
    message: Message,
    organisationId: OnBehalf,
  },
  { additionalProperties: false },
);
export type BatchCreate = Type.Static<typeof BatchCreateSchema>;

/** Bodies of the transitions; all optional but `cancel` of an accepted loan needs a reason. */
export const TransitionBodySchemas = {
  accept: Type.Object({ message: Type.Optional(Note(2000)) }, { additionalProperties: false }),
  decline: Type.Object({ reason: Type.Optional(Note(2000)) }, { additionalProperties: false }),
  cancel: Type.Object({ reason: Type.Optional(Note(2000)) }, { additionalProperties: false }),
  pickup: Type.Object({ note: Type.Optional(Note(2000)) }, { additionalProperties: false }),
  return: Type.Object(
    { condition: Type.Optional(Type.Enum([...returnConditions])), incidentNote: Type.Optional(Note(4000)) },
    { additionalProperties: false },
  ),
  done: Type.Object({ note: Type.Optional(Note(2000)) }, { additionalProperties: false }),
  close: Type.Object({ feedback: Type.Optional(Note(4000)) }, { additionalProperties: false }),
};
export type TransitionBody = {
  [Action in keyof typeof TransitionBodySchemas]: Type.Static<(typeof TransitionBodySchemas)[Action]>;
};

const Party = Type.Object({ id: Uuid, name: Type.String(), kind: OrganisationKindSchema, city: Type.String() });

export const BookingSchema = Type.Object({
  id: Uuid,
  kind: Type.Enum(['item', 'service']),
  status: Type.Enum([...bookingStatuses]),
  overdue: Type.Boolean({ description: 'Retiré, dernier jour passé, pas encore rendu' }),
  groupId: Nullable(Uuid),
  lines: Type.Array(Type.Object({ itemId: Uuid, title: Type.String(), quantity: Type.Integer() })),
  service: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  startDate: Nullable(DaySchema),
  endDate: Nullable(DaySchema),
  startsAt: Nullable(Instant),
  endsAt: Nullable(Instant),
  lender: Party,
  borrower: Party,
  requestedBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  message: Type.String(),
  answer: Nullable(Type.String({ description: 'Le mot du prêteur, tel qu’écrit' })),
  declineCode: Nullable(
    Type.Enum([...declineCodes], {
      description:
        'Refusée par la plateforme : dates_taken (une autre demande acceptée sur ces dates), slot_taken (ce créneau), borrower_suspended (la structure qui demande a été suspendue), lender_suspended (la structure sollicitée a été suspendue)',
    }),
  ),
  cancelReason: Nullable(Type.String()),
  returnCondition: Nullable(Type.Enum([...returnConditions])),
  incidentNote: Nullable(Type.String()),
  feedback: Nullable(Type.String()),
  expiresAt: Nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
  viewer: Type.Object({
    role: Type.Enum([...bookingRoles], { description: 'Votre côté de la demande' }),
    actions: Type.Array(Type.Enum([...bookingActions]), { description: 'Ce que vous pouvez faire maintenant' }),
  }),
});
export type Booking = Type.Static<typeof BookingSchema>;

export const BookingEventSchema = Type.Object({
  action: Type.String(),
  fromStatus: Nullable(Type.Enum([...bookingStatuses])),
  toStatus: Type.Enum([...bookingStatuses]),
  party: Type.Enum(['lender', 'borrower', 'system']),
  actor: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  note: Nullable(Type.String({ description: 'Ce que la personne a écrit, tel quel' })),
  reasonCode: Nullable(
    Type.Enum([...declineCodes, 'no_answer'], { description: 'Une étape de la plateforme : pourquoi' }),
  ),
  at: Instant,
});

export const BookingDetailSchema = Type.Object({ ...BookingSchema.properties, events: Type.Array(BookingEventSchema) });
export type BookingDetail = Type.Static<typeof BookingDetailSchema>;

/** What a single-use link of a new-request email would do, with the request: it does not act. */
export const EmailActionSchema = Type.Object({
  action: Type.Enum(['accept', 'decline']),
  booking: BookingDetailSchema,
});

export const BookingGroupSchema = Type.Object({
  id: Uuid,
  startDate: DaySchema,
  endDate: DaySchema,
  state: Type.Enum([...groupStates]),
  bookings: Type.Array(BookingSchema),
});

export const BookingListQuerySchema = Type.Object(
  {
    as: Type.Enum([...bookingRoles], { description: 'borrower : mes demandes ; lender : les demandes reçues' }),
    status: Type.Optional(Type.Enum([...bookingStatuses])),
    organisationId: Type.Optional(Uuid),
    cursor: Type.Optional(CursorQuerySchema('booking-cursor', 300)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  },
  { additionalProperties: false },
);
export type BookingListQuery = Type.Static<typeof BookingListQuerySchema>;

export const BookingListSchema = Type.Object({ items: Type.Array(BookingSchema), nextCursor: Nullable(Type.String()) });

export const MessageCreateSchema = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const MessageSchema = Type.Object({
  id: Uuid,
  body: Type.String({ description: 'Vide quand le message est masqué' }),
  hidden: Type.Boolean({ description: 'Masqué par la modération du réseau après un signalement' }),
  author: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  mine: Type.Boolean({ description: 'Écrit par votre côté' }),
  createdAt: Instant,
});

/** What needs attention, for the structures the caller acts for: the two dashboards. */
export const DashboardSchema = Type.Object({
  today: DaySchema,
  lender: Type.Object({
    toAnswer: Type.Array(BookingSchema, { description: 'Demandes en attente de réponse' }),
    pickups: Type.Array(BookingSchema, { description: 'Retraits des 7 prochains jours' }),
    returns: Type.Array(BookingSchema, { description: 'Retours des 7 prochains jours' }),
    overdue: Type.Array(BookingSchema, { description: 'Prêts en retard' }),
  }),
  borrower: Type.Object({
    requests: Type.Array(BookingSchema, { description: 'Mes demandes en attente' }),
    loans: Type.Array(BookingSchema, { description: 'Mes prêts acceptés ou en cours' }),
  }),
});
export type Dashboard = Type.Static<typeof DashboardSchema>;

export const CalendarFeedSchema = Type.Object({
  url: Type.String({
    description: "Adresse privée de l'agenda (iCal) : qui la connaît voit les prêts de la structure",
  }),
  createdAt: Instant,
});
