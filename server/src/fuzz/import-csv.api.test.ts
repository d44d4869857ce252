import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { items } from '../db/schema/items.ts';
import { csvColumns } from '../items/csv-columns.ts';
import { signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

/*
 * The inventory import takes text/csv, so routes.api.test.ts leaves it out: here, files of
 * generated rows (cells that fit their column, or amounts under a cent, numbers out of range,
 * unknown words, quotes, separators and line breaks inside cells) never make a 5xx, a refused
 * file is the import's own report, and a refused or dry-run import writes no item.
 */

const t = useTestApp();

const cellsByField: Record<string, string[]> = {
  title: ['Tonnelle 3x3', 'Scie', 'ab', 'x'.repeat(121), '"Guillemets" ; et point-virgule', 'Ligne\nsuivante', '   '],
  categoryId: ['Tonnelles', 'outillage', 'fusées', ''],
  description: ['Sac de transport', '', 'é'.repeat(5001)],
  quantity: ['2', '0', '-1', '1,5', '10001', '1e400', 'deux', ' 3 '],
  condition: ['bon', 'neuf', 'cassé', ''],
  replacementValue: ['180', '180,50', '0,001', '12,345', '1 000 000,01', '-5', '€', 'NaN'],
  deposit: ['50', '0,004', '', '1e-7', '50 €'],
  fee: ['par jour', 'gratuit', 'par prêt', 'payant'],
  feeAmount: ['2', '0,001', '0,004', '0', '', '0,01', '999999,999'],
  pickupAddress: ['1 rue de la Paix', ''],
  pickupCity: ['Lille', '', 'x'.repeat(81)],
  pickupPostcode: ['59000', '5900', 'ABCDE', ''],
  pickupInstructions: ['Sur rendez-vous', ''],
  usageRules: ['À rendre sèche', ''],
  minLoanDays: ['1', '0', '366', '2,5'],
  maxLoanDays: ['7', '0', '400', ''],
  minNoticeDays: ['2', '-1', '366'],
  visibility: ['mes réseaux', 'tous', 'personne'],
  status: ['publié', 'brouillon', 'caché', 'archivé'],
};

/** A cell as a spreadsheet writes it: quoted when it holds the separator, a quote or a line break. */
const csvCell = (text: string) => (/[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const csvFile = fc
  .tuple(
    fc.subarray(
      csvColumns.filter((column) => !('required' in column)),
      { minLength: 0, maxLength: 17 },
    ),
    fc.integer({ min: 1, max: 4 }),
  )
  .chain(([optional, rowCount]) => {
    const columns = [...csvColumns.filter((column) => 'required' in column), ...optional];
    // Mostly the column's first (fitting) cell, so that a row often fails on one cell only.
    const cell = (field: string) => {
      const [fitting, ...others] = cellsByField[field]!;
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(fitting!) },
        { weight: 1, arbitrary: fc.constantFrom(...others) },
      );
    };
    const row = fc.tuple(...columns.map((column) => cell(column.field)));
    return fc
      .array(row, { minLength: rowCount, maxLength: rowCount })
      .map((rows) =>
        [columns.map((column) => column.headers[0]), ...rows].map((cells) => cells.map(csvCell).join(';')).join('\n'),
      );
  });

describe('POST /api/items/import with generated files', () => {
  /** Imports a file (or checks it, dryRun) and asserts: no 5xx, the import's report, no item written unless imported. */
  async function importChecked(headers: Record<string, string>, organisationId: string, csv: string, dryRun: boolean) {
    const itemsOfLender = async () => {
      const [row] = await t.connection.db
        .select({ n: count() })
        .from(items)
        .where(eq(items.organisationId, organisationId));
      return row!.n;
    };
    const before = await itemsOfLender();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/items/import${dryRun ? '?dryRun=true' : ''}`,
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode, `${csv}\n→ ${response.body}`).toBeLessThan(500);
    const body = response.json<{ error?: string; created?: number }>();
    if (response.statusCode >= 400) {
      expect(['import_invalid', 'import_columns', 'validation_failed']).toContain(body.error);
      expect(await itemsOfLender()).toBe(before);
    } else expect(await itemsOfLender()).toBe(dryRun ? before : before + body.created!);
  }

  it('each odd cell, in a row whose other cells fit, never answers 5xx', async () => {
    const lender = await signedInStructure(t.app, t.connection.db);
    const header = csvColumns.map((column) => column.headers[0]).join(';');
    const fitting = csvColumns.map((column) => cellsByField[column.field]![0]!);
    for (const [index, column] of csvColumns.entries())
      for (const cell of cellsByField[column.field]!.slice(1)) {
        const row = fitting.map((fit, at) => csvCell(at === index ? cell : fit)).join(';');
        for (const dryRun of [true, false])
          await importChecked(lender.headers, lender.organisation.id, `${header}\n${row}\n`, dryRun);
      }
  }, 120_000);

  it('random files never answer 5xx, and a refused or dry-run import writes nothing', async () => {
    const lender = await signedInStructure(t.app, t.connection.db);
    await fc.assert(
      fc.asyncProperty(csvFile, fc.boolean(), (csv, dryRun) =>
        importChecked(lender.headers, lender.organisation.id, csv, dryRun),
      ),
      { seed: 20_260_601, numRuns: 40 },
    );
  }, 120_000);
});
