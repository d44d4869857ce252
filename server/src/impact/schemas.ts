import Type from 'typebox';
import { Nullable } from '../domain/nullable.ts';

export const impactTables = ['totals', 'months', 'categories', 'reciprocity'] as const;
export type ImpactTable = (typeof impactTables)[number];

/**
 * How « achats évités » and « émissions évitées » are explained beside the figure, as a code the
 * app phrases: the UK Library of Things' published rates (25 % in 2023, 50 % in 2024), or a rate
 * of the network's own.
 */
export const methodExplanations = ['library_of_things_2024', 'library_of_things_2023', 'network_rate'] as const;
export type MethodExplanation = (typeof methodExplanations)[number];

const Day = (description: string) => Type.String({ format: 'date', description });
const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Cents = (description: string) => Type.Integer({ minimum: 0, description });
const Kilograms = (description: string) => Type.Number({ minimum: 0, description });

export const ImpactQuerySchema = Type.Object(
  {
    networkId: Type.String({ format: 'uuid', description: 'Le réseau' }),
    from: Type.Optional(
      Day(
        'Premier jour inclus (AAAA-MM-JJ, Europe/Paris) ; par défaut le début du trimestre de « to » ou du trimestre en cours',
      ),
    ),
    to: Type.Optional(
      Day(
        'Dernier jour inclus (AAAA-MM-JJ, Europe/Paris) ; par défaut la fin du trimestre de « from » ou du trimestre en cours',
      ),
    ),
    territory: Type.Optional(
      Type.String({ pattern: '^[0-9]{2}[0-9AB]?$', description: 'Un département (code, ex. 59)' }),
    ),
    format: Type.Optional(Type.Enum(['json', 'csv'], { description: 'json (par défaut) ou csv' })),
    table: Type.Optional(Type.Enum([...impactTables], { description: 'Avec format=csv : le tableau à exporter' })),
  },
  { additionalProperties: false },
);
export type ImpactQuery = Type.Static<typeof ImpactQuerySchema>;

const Named = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() });
const Territory = Type.Object({ code: Type.String(), name: Type.String() });
const CategoryRef = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  nameFr: Type.String(),
  nameEn: Type.String(),
});

export const ImpactMethodSummarySchema = Type.Object({
  substitutionRatePercent: Type.Integer({
    minimum: 0,
    maximum: 100,
    description: 'Sur 100 prêts, combien évitent un achat',
  }),
  explanation: Type.Enum([...methodExplanations]),
});

const Side = Type.Object({
  loans: Count('Prêts d’objets'),
  services: Count('Services'),
  days: Count('Jours d’utilisation (unités × jours)'),
  valueCents: Cents('Valeur de remplacement des objets (unités × valeur), en centimes'),
});

export const ImpactReportSchema = Type.Object({
  network: Type.Object({ id: Type.String({ format: 'uuid' }), slug: Type.String(), name: Type.String() }),
  territories: Type.Array(Territory, { description: 'Les départements du réseau, pour le filtre' }),
  period: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
  territory: Nullable(Territory),
  method: ImpactMethodSummarySchema,
  totals: Type.Object({
    loans: Count('Prêts d’objets remis (retirés, rendus ou clos)'),
    services: Count('Services rendus (réalisés ou clos)'),
    daysOfUse: Count('Jours d’utilisation : Σ unités × jours du prêt'),
    unitsLent: Count('Unités prêtées : Σ des quantités'),
    lendingStructures: Count('Structures qui ont prêté ou rendu un service'),
    borrowingStructures: Count('Structures qui ont emprunté ou reçu un service'),
    activeStructures: Count('Structures actives : prêteuses ou emprunteuses, comptées une fois'),
    newMembers: Count('Structures entrées dans le réseau pendant la période'),
    firstExchanges: Count('Échanges entre deux structures qui n’avaient jamais échangé'),
    firstExchangePercent: Nullable(
      Type.Number({ minimum: 0, maximum: 100, description: 'Part des échanges qui sont des premiers, à 0,1 près' }),
    ),
    replacementValueCents: Cents('Σ unités × valeur de remplacement'),
    purchasesAvoidedCents: Cents('Achats évités : valeur de remplacement × taux de substitution'),
    co2eAvoidedKg: Kilograms('Émissions évitées (kg CO₂e, à 0,1 près) : Σ unités × facteur × taux de substitution'),
    unitsWithoutFactor: Count('Unités prêtées dont la catégorie n’a pas de facteur (comptées à part, jamais à zéro)'),
  }),
  months: Type.Array(
    Type.Object({
      month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'AAAA-MM' }),
      loans: Count('Prêts d’objets'),
      services: Count('Services'),
      unitsLent: Count('Unités prêtées'),
      purchasesAvoidedCents: Cents('Achats évités'),
      co2eAvoidedKg: Kilograms('Émissions évitées, kg CO₂e'),
    }),
    { description: 'Chaque mois de la période, même vide' },
  ),
  categories: Type.Array(
    Type.Object({
      category: CategoryRef,
      loans: Count('Prêts d’au moins un objet de la catégorie'),
      unitsLent: Count('Unités prêtées'),
      replacementValueCents: Cents('Σ unités × valeur de remplacement'),
      factor: Nullable(
        Type.Object({
          kgCo2ePerItem: Kilograms('kg CO₂e par objet fabriqué'),
          source: Type.String(),
          estimated: Type.Boolean({ description: 'Estimation du réseau, faute de valeur publiée' }),
          fromCategory: CategoryRef,
        }),
      ),
      co2eAvoidedKg: Nullable(Kilograms('Émissions évitées, kg CO₂e ; null sans facteur')),
    }),
  ),
  reciprocity: Type.Array(
    Type.Object({
      organisation: Named,
      memberOfNetwork: Type.Boolean({ description: 'Faux pour une structure d’un autre réseau qui a emprunté' }),
      lent: Side,
      borrowed: Side,
    }),
    { description: 'Par structure, par nom' },
  ),
  withoutFactor: Type.Array(Type.Object({ category: CategoryRef, loans: Count('Prêts'), unitsLent: Count('Unités') }), {
    description: 'Les catégories prêtées sans facteur d’émission (ni le leur, ni celui de la famille)',
  }),
});
export type ImpactReport = Type.Static<typeof ImpactReportSchema>;

export const ImpactMethodQuerySchema = Type.Object(
  { networkId: Type.String({ format: 'uuid', description: 'Le réseau' }) },
  { additionalProperties: false },
);

export const ImpactFactorSchema = Type.Object({
  category: CategoryRef,
  kgCo2ePerItem: Kilograms('kg CO₂e par objet fabriqué'),
  source: Type.String(),
  estimated: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ImpactFactor = Type.Static<typeof ImpactFactorSchema>;

export const ImpactMethodSchema = Type.Object({
  network: Type.Object({ id: Type.String({ format: 'uuid' }), slug: Type.String(), name: Type.String() }),
  ...ImpactMethodSummarySchema.properties,
  factors: Type.Array(ImpactFactorSchema, { description: 'Les facteurs du réseau, catégorie par catégorie' }),
  withoutFactor: Type.Array(
    Type.Object({
      category: CategoryRef,
      inheritsFrom: Nullable(CategoryRef),
    }),
    {
      description:
        'Les catégories sans facteur à elles ; inheritsFrom : la famille dont elles prennent le facteur, null si aucune',
    },
  ),
});
export type ImpactMethod = Type.Static<typeof ImpactMethodSchema>;

export const MethodChangeSchema = Type.Object(
  {
    networkId: Type.String({ format: 'uuid' }),
    substitutionRatePercent: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type MethodChange = Type.Static<typeof MethodChangeSchema>;

export const FactorChangeSchema = Type.Object(
  {
    networkId: Type.String({ format: 'uuid' }),
    categoryId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$' }),
    kgCo2ePerItem: Type.Number({
      minimum: 0,
      maximum: 999999.9,
      description: 'kg CO₂e par objet fabriqué ; arrondi à 0,1',
    }),
    source: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S', description: 'D’où vient le chiffre' }),
    estimated: Type.Boolean({ description: 'Vrai pour une estimation du réseau' }),
  },
  { additionalProperties: false },
);
export type FactorChange = Type.Static<typeof FactorChangeSchema>;
