/**
 * The CSV inventory format: one row per item, French headers (or the API's field names).
 * Headers are matched without accents, case or punctuation: « Catégorie », « categorie » and
 * « categoryId » are the same column.
 */
export const csvColumns = [
  { field: 'title', headers: ['titre', 'title', 'nom'], required: true, example: 'Tonnelle 3x3' },
  { field: 'categoryId', headers: ['categorie', 'category', 'categoryid'], required: true, example: 'Tonnelles' },
  { field: 'description', headers: ['description'], example: 'Tonnelle pliante, toile blanche, sac de transport' },
  { field: 'quantity', headers: ['quantite', 'quantity', 'nombre'], example: '2' },
  { field: 'condition', headers: ['etat', 'condition'], example: 'bon' },
  {
    field: 'replacementValue',
    headers: ['valeur_remplacement', 'valeur_de_remplacement', 'valeur', 'replacementvalue', 'replacement_value'],
    example: '180',
  },
  { field: 'deposit', headers: ['caution', 'deposit'], example: '50' },
  { field: 'fee', headers: ['participation', 'fee'], example: 'gratuit' },
  { field: 'feeAmount', headers: ['montant_participation', 'montant', 'feeamount', 'fee_amount'], example: '' },
  { field: 'pickupAddress', headers: ['adresse_retrait', 'adresse', 'pickupaddress', 'pickup_address'], example: '' },
  { field: 'pickupCity', headers: ['ville_retrait', 'ville', 'commune', 'pickupcity', 'pickup_city'], example: '' },
  {
    field: 'pickupPostcode',
    headers: ['code_postal_retrait', 'code_postal', 'cp', 'pickuppostcode', 'pickup_postcode'],
    example: '',
  },
  {
    field: 'pickupInstructions',
    headers: ['consignes_retrait', 'consignes', 'pickupinstructions', 'pickup_instructions'],
    example: 'Sur rendez-vous, le mercredi',
  },
  { field: 'usageRules', headers: ['regles_usage', 'regles', 'usagerules', 'usage_rules'], example: 'À rendre sèche' },
  { field: 'minLoanDays', headers: ['duree_min_jours', 'duree_min', 'minloandays', 'min_loan_days'], example: '1' },
  { field: 'maxLoanDays', headers: ['duree_max_jours', 'duree_max', 'maxloandays', 'max_loan_days'], example: '7' },
  { field: 'minNoticeDays', headers: ['preavis_jours', 'preavis', 'minnoticedays', 'min_notice_days'], example: '2' },
  { field: 'visibility', headers: ['visibilite', 'visibility'], example: 'mes réseaux' },
  { field: 'status', headers: ['statut', 'status'], example: 'publié' },
] as const;

export type CsvField = (typeof csvColumns)[number]['field'];

export function normaliseLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s\-']+/g, '_');
}

/** French (or English) words accepted in the enumerated columns, by field. */
export const csvValues: Partial<Record<CsvField, Record<string, string>>> = {
  condition: {
    neuf: 'new',
    new: 'new',
    tres_bon: 'very_good',
    very_good: 'very_good',
    bon: 'good',
    good: 'good',
    use: 'worn',
    usage: 'worn',
    worn: 'worn',
  },
  fee: {
    gratuit: 'free',
    free: 'free',
    par_jour: 'per_day',
    per_day: 'per_day',
    par_pret: 'per_loan',
    per_loan: 'per_loan',
  },
  visibility: {
    mes_reseaux: 'networks',
    reseaux: 'networks',
    networks: 'networks',
    tous_les_reseaux: 'all',
    tous: 'all',
    all: 'all',
  },
  status: {
    brouillon: 'draft',
    draft: 'draft',
    publie: 'published',
    published: 'published',
    archive: 'archived',
    archived: 'archived',
  },
};

export const numericFields: ReadonlySet<CsvField> = new Set([
  'quantity',
  'replacementValue',
  'deposit',
  'feeAmount',
  'minLoanDays',
  'maxLoanDays',
  'minNoticeDays',
]);

/** The template offered for download: the French headers and one example row. */
export function csvTemplate(): string {
  const header = csvColumns.map((column) => column.headers[0]).join(';');
  const example = csvColumns.map((column) => column.example).join(';');
  return `${header}\n${example}\n`;
}
