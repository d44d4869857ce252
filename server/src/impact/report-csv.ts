import { type CsvCell, frenchCsv, frenchDecimal } from './french-csv.ts';
import type { ImpactReport, ImpactTable, MethodExplanation } from './schemas.ts';

/**
 * The dashboard's tables as CSV files, headers in French: the export is a document for a
 * funder's spreadsheet, written in the platform's language like the funder page.
 */
const euros = (cents: number) => frenchDecimal(cents / 100, 2);
const kilograms = (kg: number | null) => (kg === null ? null : frenchDecimal(kg, 1));

const explanations: Record<MethodExplanation, string> = {
  library_of_things_2024: 'méthode Library of Things 2024',
  library_of_things_2023: 'méthode Library of Things 2023',
  network_rate: 'taux choisi par le réseau',
};

function rateLine(report: ImpactReport): string {
  const { substitutionRatePercent, explanation } = report.method;
  return `taux de substitution : ${substitutionRatePercent} % (${explanations[explanation]})`;
}

function totalsTable(report: ImpactReport): [string[], CsvCell[][]] {
  const { totals } = report;
  const rate = rateLine(report);
  return [
    ['Indicateur', 'Valeur', 'Unité', 'Méthode'],
    [
      ['Réseau', report.network.name, null, null],
      ['Du', report.period.from, 'jour', 'premier jour du prêt, heure de Paris'],
      ['Au', report.period.to, 'jour', 'inclus'],
      ['Territoire', report.territory ? `${report.territory.code} ${report.territory.name}` : 'Tous', null, null],
      [
        'Prêts d’objets',
        totals.loans,
        'prêts',
        'remis à l’emprunteur (retirés, rendus ou clos), par un prêteur du réseau',
      ],
      ['Services rendus', totals.services, 'services', 'réalisés ou clos'],
      ['Jours d’utilisation', totals.daysOfUse, 'jours', 'unités × jours du prêt'],
      ['Unités prêtées', totals.unitsLent, 'unités', null],
      ['Structures prêteuses', totals.lendingStructures, 'structures', null],
      ['Structures emprunteuses', totals.borrowingStructures, 'structures', null],
      ['Structures actives', totals.activeStructures, 'structures', 'prêteuses ou emprunteuses, comptées une fois'],
      ['Nouvelles structures adhérentes', totals.newMembers, 'structures', 'entrées dans le réseau pendant la période'],
      ['Premiers échanges', totals.firstExchanges, 'échanges', 'entre deux structures qui n’avaient jamais échangé'],
      [
        'Part des premiers échanges',
        totals.firstExchangePercent === null ? null : frenchDecimal(totals.firstExchangePercent, 1),
        '%',
        null,
      ],
      [
        'Valeur de remplacement des objets prêtés',
        euros(totals.replacementValueCents),
        '€',
        'unités × valeur de remplacement',
      ],
      ['Achats évités', euros(totals.purchasesAvoidedCents), '€', `valeur de remplacement × ${rate}`],
      ['Émissions évitées', kilograms(totals.co2eAvoidedKg), 'kg CO₂e', `unités × facteur de la catégorie × ${rate}`],
      [
        'Unités sans facteur d’émission',
        totals.unitsWithoutFactor,
        'unités',
        'non comptées dans les émissions évitées',
      ],
    ],
  ];
}

function monthsTable(report: ImpactReport): [string[], CsvCell[][]] {
  return [
    ['Mois', 'Prêts d’objets', 'Services', 'Unités prêtées', 'Achats évités (€)', 'Émissions évitées (kg CO₂e)'],
    report.months.map((month) => [
      month.month,
      month.loans,
      month.services,
      month.unitsLent,
      euros(month.purchasesAvoidedCents),
      kilograms(month.co2eAvoidedKg),
    ]),
  ];
}

function categoriesTable(report: ImpactReport): [string[], CsvCell[][]] {
  return [
    [
      'Catégorie',
      'Prêts',
      'Unités prêtées',
      'Valeur de remplacement (€)',
      'Facteur (kg CO₂e par objet)',
      'Facteur de la catégorie',
      'Source',
      'Estimation',
      'Émissions évitées (kg CO₂e)',
    ],
    report.categories.map((row) => [
      row.category.nameFr,
      row.loans,
      row.unitsLent,
      euros(row.replacementValueCents),
      row.factor ? kilograms(row.factor.kgCo2ePerItem) : 'sans facteur',
      row.factor ? row.factor.fromCategory.nameFr : null,
      row.factor?.source ?? null,
      row.factor ? (row.factor.estimated ? 'oui' : 'non') : null,
      kilograms(row.co2eAvoidedKg),
    ]),
  ];
}

function reciprocityTable(report: ImpactReport): [string[], CsvCell[][]] {
  return [
    [
      'Structure',
      'Membre du réseau',
      'Prêts consentis',
      'Services rendus',
      'Jours d’utilisation prêtés',
      'Valeur prêtée (€)',
      'Emprunts',
      'Services reçus',
      'Jours d’utilisation empruntés',
      'Valeur empruntée (€)',
    ],
    report.reciprocity.map((row) => [
      row.organisation.name,
      row.memberOfNetwork ? 'oui' : 'non',
      row.lent.loans,
      row.lent.services,
      row.lent.days,
      euros(row.lent.valueCents),
      row.borrowed.loans,
      row.borrowed.services,
      row.borrowed.days,
      euros(row.borrowed.valueCents),
    ]),
  ];
}

const tables: Record<ImpactTable, (report: ImpactReport) => [string[], CsvCell[][]]> = {
  totals: totalsTable,
  months: monthsTable,
  categories: categoriesTable,
  reciprocity: reciprocityTable,
};

export function impactCsv(report: ImpactReport, table: ImpactTable): { filename: string; body: string } {
  const [header, rows] = tables[table](report);
  return {
    filename: `mutua-impact-${report.network.slug.replace(/[^a-z0-9-]/gi, '-')}-${report.period.from}-${report.period.to}-${table}.csv`,
    body: frenchCsv(header, rows),
  };
}
