import { parse } from 'csv-parse/sync';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';
import { type ItemCreate, ItemCreateSchema } from '../domain/catalogue.ts';
import { actingOrganisationId } from '../access/acting-for.ts';
import { requireAccess } from '../access/require-access.ts';
import { AppError, type ErrorDetail, pathKey } from '../domain/errors.ts';
import { toErrorDetails } from '../plugins/validation-messages.ts';
import { compileBodyValidator } from '../plugins/validation.ts';
import { type CsvField, csvColumns, csvValues, normaliseLabel, numericFields } from './csv-columns.ts';
import { createItem } from './service.ts';

const maxImportRows = 2000;

export type ImportRow = {
  line: number;
  status: 'valid' | 'created' | 'invalid';
  title: string;
  itemId?: string;
  /**
   * `field` is the file's column (what the report shows); `path` the API's field and `code` the
   * rule, for the refusal's details (not in the report).
   */
  errors: Array<{ field: string; path: string; code: string; message: string }>;
};

const validateItem = compileBodyValidator(ItemCreateSchema);

/** Thrown inside the import transaction to roll it back: a dry run, or a file with bad rows. */
class RollBack extends Error {}

/**
 * Imports an inventory. Every row goes through the same rules as POST /api/items, inside one
 * transaction: a dry run rolls it back and reports; a real import writes all rows or none.
 */
export async function importItems(
  db: Database,
  actor: Actor,
  csv: string,
  options: { dryRun: boolean; organisationId?: string },
) {
  const organisationId = actingOrganisationId(actor, options.organisationId);
  await requireAccess(db, actor, 'inventory.import', { organisation: organisationId });
  const records = parseCsv(csv);
  const header = records[0] ?? [];
  const fields = matchHeader(header);
  // Errors speak of the file's own columns (« Catégorie »), not of the API's fields (categoryId).
  const inFileTerms = (error: { field: string; code: string; message: string }) => {
    const label = header[fields.indexOf(error.field as CsvField)] ?? error.field;
    return {
      field: label,
      path: error.field,
      code: error.code,
      message: error.message
        .replaceAll(`« ${error.field} »`, `« ${label} »`)
        .replaceAll(`(${error.field})`, `(${label})`),
    };
  };
  const categoryIds = await categoryLookup(db);
  const rows: ImportRow[] = [];
  try {
    await db.transaction(async (tx) => {
      for (const [index, record] of records.slice(1).entries()) {
        const line = index + 2;
        const { input, errors } = toItemInput(fields, record, categoryIds);
        const row: ImportRow = { line, status: 'invalid', title: input.title ?? '', errors: errors.map(inFileTerms) };
        rows.push(row);
        if (errors.length > 0) continue;
        try {
          // A savepoint per row, so that one bad row does not spoil the others' report.
          const item = await tx.transaction((rowTx) =>
            createItem(rowTx, actor, { ...(input as ItemCreate), organisationId }),
          );
          Object.assign(row, {
            status: options.dryRun ? 'valid' : 'created',
            itemId: options.dryRun ? undefined : item.id,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const details = error.details ?? [];
          row.errors = details.length
            ? details.map(({ path, code, message }) => inFileTerms({ field: path, code, message }))
            : [{ field: 'ligne', path: '', code: error.code, message: error.message }];
        }
      }
      if (options.dryRun || rows.some((row) => row.status === 'invalid')) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  const invalid = rows.filter((row) => row.status === 'invalid');
  if (!options.dryRun && invalid.length > 0) {
    // The transaction was rolled back: the rows that passed were not created after all.
    for (const row of rows) if (row.status === 'created') Object.assign(row, { status: 'valid', itemId: undefined });
    throw new AppError(
      'import_invalid',
      `${invalid.length} ligne(s) sur ${rows.length} ne peuvent pas être importées (ligne ${invalid[0]!.line} : ${invalid[0]!.errors[0]?.message}). Rien n'a été importé.`,
      // The file's line and the API's field (`rows.4.quantity`, the line's number in the file, its
      // header being line 1); the whole report is the dry run's.
      invalid.flatMap((row) =>
        row.errors.map(({ path, code, message }) => ({
          path: [`rows.${row.line}`, path].filter(Boolean).join('.'),
          code,
          message,
        })),
      ),
    );
  }
  return { dryRun: options.dryRun, created: rows.filter((row) => row.status === 'created').length, rows };
}

function parseCsv(csv: string): string[][] {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  let records: string[][];
  try {
    records = parse(csv, { delimiter, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    throw new AppError('import_columns', `Le fichier CSV est mal formé : ${(error as Error).message}`);
  }
  if (records.length < 2)
    throw new AppError('import_columns', 'Le fichier ne contient aucune ligne à importer après les en-têtes.');
  if (records.length - 1 > maxImportRows) {
    throw new AppError(
      'import_columns',
      `Le fichier contient ${records.length - 1} lignes : ${maxImportRows} au plus par import.`,
    );
  }
  return records;
}

/** Which field each column fills; unknown or missing columns are refused before any row is read. */
function matchHeader(header: string[]): Array<CsvField> {
  const fields: CsvField[] = [];
  const unknown: string[] = [];
  for (const label of header) {
    const normalised = normaliseLabel(label);
    const column = csvColumns.find((c) => (c.headers as readonly string[]).includes(normalised));
    if (column && !fields.includes(column.field)) fields.push(column.field);
    else unknown.push(label);
  }
  const missing = csvColumns
    .filter((c) => 'required' in c && c.required && !fields.includes(c.field))
    .map((c) => c.headers[0]);
  if (unknown.length || missing.length) {
    const parts = [
      missing.length ? `colonne(s) obligatoire(s) manquante(s) : ${missing.join(', ')}` : '',
      unknown.length ? `colonne(s) inconnue(s) : ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new AppError(
      'import_columns',
      `En-têtes du fichier incorrects : ${parts.join(' ; ')}. Téléchargez le modèle.`,
      [
        ...missing.map((label): ErrorDetail => ({
          path: `columns.${pathKey(label)}`,
          code: 'required',
          message: `Colonne obligatoire manquante : « ${label} ».`,
        })),
        ...unknown.map((label): ErrorDetail => ({
          path: `columns.${pathKey(label)}`,
          code: 'additionalProperties',
          message: `Colonne inconnue : « ${label} ».`,
        })),
      ],
    );
  }
  return fields;
}

function toItemInput(fields: CsvField[], record: string[], categoryIds: Map<string, string>) {
  const input: Record<string, unknown> = {};
  const errors: Array<{ field: string; code: string; message: string }> = [];
  fields.forEach((field, index) => {
    const raw = record[index] ?? '';
    if (raw === '') return;
    if (field === 'categoryId') {
      const id = categoryIds.get(normaliseLabel(raw));
      if (id) input.categoryId = id;
      else errors.push({ field, code: 'exists', message: `Catégorie inconnue : « ${raw} ».` });
    } else if (numericFields.has(field)) {
      const value = Number(raw.replace(/\s|€/g, '').replace(',', '.'));
      if (Number.isFinite(value)) input[field] = value;
      else errors.push({ field, code: 'type', message: `« ${raw} » n'est pas un nombre.` });
    } else if (csvValues[field]) {
      const value = csvValues[field][normaliseLabel(raw)];
      if (value) input[field] = value;
      else
        errors.push({
          field,
          code: 'enum',
          message: `Valeur non reconnue : « ${raw} » (${Object.keys(csvValues[field]).join(', ')}).`,
        });
    } else {
      input[field] = raw;
    }
  });
  if (!validateItem(input)) {
    // Schema errors for the cells that could be read; a cell already reported is not reported twice.
    const reported = new Set(errors.map((error) => error.field));
    for (const { path: field, code, message } of toErrorDetails(validateItem.errors ?? []))
      if (!reported.has(field)) errors.push({ field, code, message });
  }
  errors.sort((a, b) => fields.indexOf(a.field as CsvField) - fields.indexOf(b.field as CsvField));
  return { input: input as Partial<ItemCreate>, errors };
}

/** Categories by id and by French or English name, all normalised. */
async function categoryLookup(db: Database) {
  const rows = await db
    .select({ id: categories.id, nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(categories);
  const lookup = new Map<string, string>();
  for (const row of rows) {
    for (const label of [row.id, row.nameFr, row.nameEn]) lookup.set(normaliseLabel(label), row.id);
  }
  return lookup;
}
