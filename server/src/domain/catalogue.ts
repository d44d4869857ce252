import Type from 'typebox';
import { availabilityFields, ServiceSlotSchema } from './bookings.ts';
import { EurosSchema, PositiveEurosSchema } from './money.ts';
import { Nullable } from './nullable.ts';
import { PostcodeSchema } from './organisations.ts';

export const itemConditions = ['new', 'very_good', 'good', 'worn'] as const;
export const itemFees = ['free', 'per_day', 'per_loan'] as const;
export const serviceDomains = [
  'transition_ecologique',
  'animation_facilitation',
  'pedagogie',
  'communication',
  'gestion_comptabilite',
  'numerique',
  'juridique',
  'autre',
] as const;
export const serviceFormats = ['on_site', 'remote', 'both'] as const;
export const serviceParticipations = ['free', 'exchange', 'price'] as const;
export const listingStatuses = ['draft', 'pending_review', 'published', 'hidden', 'archived'] as const;
export const listingVisibilities = ['networks', 'all'] as const;
export const needKinds = ['item', 'service'] as const;
export const needStatuses = ['open', 'fulfilled', 'closed'] as const;
export const searchSorts = ['relevance', 'distance', 'newest'] as const;

/** What a lender may ask for a listing; `pending_review` and `hidden` are the moderators' to set. */
export const lenderStatuses = ['draft', 'published', 'archived'] as const;

export type ItemCondition = (typeof itemConditions)[number];
export type ItemFee = (typeof itemFees)[number];
export type ServiceDomain = (typeof serviceDomains)[number];
export type ServiceFormat = (typeof serviceFormats)[number];
export type ServiceParticipation = (typeof serviceParticipations)[number];
export type ListingStatus = (typeof listingStatuses)[number];
export type LenderStatus = (typeof lenderStatuses)[number];
export type ListingVisibility = (typeof listingVisibilities)[number];
export type NeedKind = (typeof needKinds)[number];
export type NeedStatus = (typeof needStatuses)[number];
export type SearchSort = (typeof searchSorts)[number];

const Title = Type.String({ minLength: 3, maxLength: 120 });
const LongText = (max: number) => Type.String({ maxLength: max });
const Days = (min: number, max: number) => Type.Integer({ minimum: min, maximum: max });
export const CategoryIdSchema = Type.String({
  pattern: '^[a-z0-9-]+$',
  maxLength: 60,
  description: 'Identifiant de catégorie (GET /api/categories)',
});

const itemFields = {
  title: Title,
  description: LongText(5000),
  categoryId: CategoryIdSchema,
  quantity: Type.Integer({ minimum: 1, maximum: 10_000, description: "Nombre d'unités identiques" }),
  condition: Type.Enum([...itemConditions]),
  replacementValue: EurosSchema,
  deposit: Nullable(EurosSchema),
  fee: Type.Enum([...itemFees], {
    description: 'free : gratuit ; per_day / per_loan : participation par jour / par prêt',
  }),
  feeAmount: Nullable(PositiveEurosSchema),
  pickupAddress: LongText(200),
  pickupCity: Type.String({ minLength: 1, maxLength: 80 }),
  pickupPostcode: PostcodeSchema,
  pickupInstructions: LongText(2000),
  usageRules: LongText(4000),
  minLoanDays: Days(1, 365),
  maxLoanDays: Nullable(Days(1, 365)),
  minNoticeDays: Days(0, 365),
  ...availabilityFields,
  visibility: Type.Enum([...listingVisibilities], { description: 'networks : mes réseaux ; all : tous les réseaux' }),
  status: Type.Enum([...lenderStatuses], {
    description: 'published : publier (ou soumettre à la modération si le réseau le demande)',
  }),
};

/** A new item: title and category are required; the pickup place defaults to the structure's address. */
export const ItemCreateSchema = Type.Object(
  {
    organisationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Structure prêteuse (par défaut : la vôtre, si vous en avez une seule)',
      }),
    ),
    title: itemFields.title,
    categoryId: itemFields.categoryId,
    description: Type.Optional(itemFields.description),
    quantity: Type.Optional(itemFields.quantity),
    condition: Type.Optional(itemFields.condition),
    replacementValue: Type.Optional(itemFields.replacementValue),
    deposit: Type.Optional(itemFields.deposit),
    fee: Type.Optional(itemFields.fee),
    feeAmount: Type.Optional(itemFields.feeAmount),
    pickupAddress: Type.Optional(itemFields.pickupAddress),
    pickupCity: Type.Optional(itemFields.pickupCity),
    pickupPostcode: Type.Optional(itemFields.pickupPostcode),
    pickupInstructions: Type.Optional(itemFields.pickupInstructions),
    usageRules: Type.Optional(itemFields.usageRules),
    minLoanDays: Type.Optional(itemFields.minLoanDays),
    maxLoanDays: Type.Optional(itemFields.maxLoanDays),
    minNoticeDays: Type.Optional(itemFields.minNoticeDays),
    handoverWeekdays: Type.Optional(itemFields.handoverWeekdays),
    handoverOpensAt: Type.Optional(itemFields.handoverOpensAt),
    handoverClosesAt: Type.Optional(itemFields.handoverClosesAt),
    bufferDays: Type.Optional(itemFields.bufferDays),
    horizonDays: Type.Optional(itemFields.horizonDays),
    visibility: Type.Optional(itemFields.visibility),
    status: Type.Optional(itemFields.status),
  },
  { additionalProperties: false },
);
export type ItemCreate = Type.Static<typeof ItemCreateSchema>;

export const ItemPatchSchema = Type.Partial(Type.Object(itemFields), { additionalProperties: false, minProperties: 1 });
export type ItemPatch = Type.Static<typeof ItemPatchSchema>;

const serviceFields = {
  title: Title,
  description: LongText(5000),
  domain: Type.Enum([...serviceDomains]),
  format: Type.Enum([...serviceFormats], {
    description: 'on_site : sur place ; remote : à distance ; both : les deux',
  }),
  durationMinutes: Nullable(
    Type.Integer({ minimum: 5, maximum: 60 * 24 * 10, description: 'Durée habituelle, en minutes' }),
  ),
  providerName: LongText(120),
  participation: Type.Enum([...serviceParticipations], {
    description: 'free : gratuit ; exchange : en échange ; price : à prix coûtant',
  }),
  price: Nullable(PositiveEurosSchema),
  city: Type.String({ minLength: 1, maxLength: 80 }),
  postcode: PostcodeSchema,
  slots: Type.Array(ServiceSlotSchema, {
    maxItems: 50,
    description: 'Créneaux hebdomadaires (heure de Paris) ; remplacent les précédents',
  }),
  onRequest: Type.Boolean({ description: 'Accepte aussi des demandes hors créneaux (« sur demande »)' }),
  visibility: itemFields.visibility,
  status: itemFields.status,
};

/** A new service offer: title and domain are required; the place defaults to the structure's. */
export const ServiceCreateSchema = Type.Object(
  {
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    title: serviceFields.title,
    domain: serviceFields.domain,
    description: Type.Optional(serviceFields.description),
    format: Type.Optional(serviceFields.format),
    durationMinutes: Type.Optional(serviceFields.durationMinutes),
    providerName: Type.Optional(serviceFields.providerName),
    participation: Type.Optional(serviceFields.participation),
    price: Type.Optional(serviceFields.price),
    city: Type.Optional(serviceFields.city),
    postcode: Type.Optional(serviceFields.postcode),
    slots: Type.Optional(serviceFields.slots),
    onRequest: Type.Optional(serviceFields.onRequest),
    visibility: Type.Optional(serviceFields.visibility),
    status: Type.Optional(serviceFields.status),
  },
  { additionalProperties: false },
);
export type ServiceCreate = Type.Static<typeof ServiceCreateSchema>;

export const ServicePatchSchema = Type.Partial(Type.Object(serviceFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type ServicePatch = Type.Static<typeof ServicePatchSchema>;

const Day = Type.String({ format: 'date', description: 'Jour, AAAA-MM-JJ' });

const needFields = {
  title: Title,
  description: LongText(5000),
  categoryId: Nullable(CategoryIdSchema),
  serviceDomain: Nullable(Type.Enum([...serviceDomains])),
  neededFrom: Nullable(Day),
  neededUntil: Nullable(Day),
  visibility: itemFields.visibility,
};

/** « Je cherche » : an item (with a category) or a service (with a domain), dates optional. */
export const NeedCreateSchema = Type.Object(
  {
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    kind: Type.Enum([...needKinds]),
    title: needFields.title,
    description: Type.Optional(needFields.description),
    categoryId: Type.Optional(needFields.categoryId),
    serviceDomain: Type.Optional(needFields.serviceDomain),
    neededFrom: Type.Optional(needFields.neededFrom),
    neededUntil: Type.Optional(needFields.neededUntil),
    visibility: Type.Optional(needFields.visibility),
  },
  { additionalProperties: false },
);
export type NeedCreate = Type.Static<typeof NeedCreateSchema>;

export const NeedPatchSchema = Type.Partial(
  Type.Object({ ...needFields, status: Type.Enum([...needStatuses], { description: 'fulfilled : besoin satisfait' }) }),
  { additionalProperties: false, minProperties: 1 },
);
export type NeedPatch = Type.Static<typeof NeedPatchSchema>;

export const NeedResponseCreateSchema = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 4000 }),
    itemId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Un objet de ma structure qui répond au besoin' }),
    ),
    serviceId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Une offre de ma structure qui répond au besoin' }),
    ),
    organisationId: Type.Optional(
      Type.String({ format: 'uuid', description: 'La structure qui répond (par défaut : la vôtre)' }),
    ),
  },
  { additionalProperties: false },
);
export type NeedResponseCreate = Type.Static<typeof NeedResponseCreateSchema>;
