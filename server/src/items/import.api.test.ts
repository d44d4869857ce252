import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { items } from '../db/schema/items.ts';
import { signedInMember, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function titlesOf(organisationId: string) {
  const rows = await db()
    .select({ title: items.title })
    .from(items)
    .where(eq(items.organisationId, organisationId))
    .orderBy(items.title);
  return rows.map((row) => row.title);
}

function importCsv(headers: Record<string, string>, csv: string, query = '') {
  return t.app.inject({
    method: 'POST',
    url: `/api/items/import${query}`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: csv,
  });
}

const frenchCsv = [
  'Titre;Catégorie;Quantité;État;Valeur de remplacement;Participation;Montant participation;Visibilité',
  'Tonnelle 3x3;Tonnelles;2;bon;180;gratuit;;tous les réseaux',
  'Vidéoprojecteur;videoprojecteurs;1;très bon;450,50;par jour;5;mes réseaux',
].join('\n');

describe('POST /api/items/import', () => {
  it('is for the structure’s managers: a plain member gets a 403 and nothing is written', async () => {
    const lender = await signedInStructure(t.app, db());
    const member = await signedInMember(t.app, db(), lender.organisation.id);
    const response = await importCsv(member.headers, frenchCsv);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('forbidden');
    expect(await titlesOf(lender.organisation.id)).toEqual([]);
  });

  it('reports row by row on a dry run, and writes nothing', async () => {
    const lender = await signedInStructure(t.app, db());
    const response = await importCsv(lender.headers, frenchCsv, '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      dryRun: true,
      created: 0,
      rows: [
        { line: 2, status: 'valid', title: 'Tonnelle 3x3', errors: [] },
        { line: 3, status: 'valid', title: 'Vidéoprojecteur', errors: [] },
      ],
    });
    expect(await titlesOf(lender.organisation.id)).toEqual([]);
  });

  it('imports every row with French headers and values, commas or semicolons', async () => {
    const lender = await signedInStructure(t.app, db());
    const response = await importCsv(lender.headers, frenchCsv);
    expect(response.json()).toMatchObject({ dryRun: false, created: 2 });
    const projector = (
      await t.app.inject({
        method: 'GET',
        url: `/api/items/${response.json().rows[1].itemId}`,
        headers: lender.headers,
      })
    ).json();
    expect(projector).toMatchObject({
      condition: 'very_good',
      replacementValue: 450.5,
      fee: 'per_day',
      feeAmount: 5,
      visibility: 'networks',
      category: { id: 'videoprojecteurs' },
    });

    const english = 'title,categoryId,quantity\n"Chaises, lot de 10",chaises,3\n';
    expect((await importCsv(lender.headers, english)).json().created).toBe(1);
    expect(await titlesOf(lender.organisation.id)).toEqual(['Chaises, lot de 10', 'Tonnelle 3x3', 'Vidéoprojecteur']);
  });

  it('refuses the whole file when a row is bad, naming the row and the field', async () => {
    const lender = await signedInStructure(t.app, db());
    const csv = `${frenchCsv}\nFusée;Espace;-1;cassé;abc;;;\nPerceuse;outillage;1;bon;100;par jour;;\n`;
    const response = await importCsv(lender.headers, csv);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('import_invalid');
    expect(body.message).toContain('ligne 4');
    expect(body.details.map((detail: { path: string }) => detail.path)).toEqual([
      'rows.4.categoryId',
      'rows.4.quantity',
      'rows.4.condition',
      'rows.4.replacementValue',
      'rows.5.feeAmount',
    ]);
    expect(body.details[1]).toMatchObject({ code: 'minimum', message: expect.stringContaining('« Quantité »') });
    expect(await titlesOf(lender.organisation.id)).toEqual([]);
  });

  it('refuses wrong columns before reading any row', async () => {
    const lender = await signedInStructure(t.app, db());
    const response = await importCsv(lender.headers, 'nom_objet;couleur;Prix/jour;N° inv.\nTonnelle;bleue;5;12\n');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'import_columns',
      details: [
        { path: 'columns.titre', code: 'required', message: 'Colonne obligatoire manquante : « titre ».' },
        { path: 'columns.categorie', code: 'required', message: 'Colonne obligatoire manquante : « categorie ».' },
        { path: 'columns.nom_objet', code: 'additionalProperties', message: 'Colonne inconnue : « nom_objet ».' },
        { path: 'columns.couleur', code: 'additionalProperties', message: 'Colonne inconnue : « couleur ».' },
        // A header's own `/` and `.` are escaped, so that the path stays a dot path.
        { path: 'columns.Prix~1jour', code: 'additionalProperties', message: 'Colonne inconnue : « Prix/jour ».' },
        { path: 'columns.N° inv~2', code: 'additionalProperties', message: 'Colonne inconnue : « N° inv. ».' },
      ],
    });
    const headerOnly = await importCsv(lender.headers, 'titre;categorie\n');
    expect(headerOnly.statusCode).toBe(400);
    const ragged = await importCsv(lender.headers, 'titre;categorie\nTonnelle;tonnelles;en trop\n');
    expect(ragged.statusCode).toBe(400);
  });

  it('is for approved structures only', async () => {
    const pending = await signedInStructure(t.app, db(), { status: 'pending' });
    const response = await importCsv(pending.headers, frenchCsv);
    expect(response.statusCode).toBe(403);
    expect(await titlesOf(pending.organisation.id)).toEqual([]);
  });

  it('offers a template with the French headers, which imports as it is', async () => {
    const template = await t.app.inject({ method: 'GET', url: '/api/items/import/template' });
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.body.split('\n')[0]).toMatch(/^titre;categorie;description;quantite;etat/);
    const lender = await signedInStructure(t.app, db());
    const dryRun = await importCsv(lender.headers, template.body, '?dryRun=true');
    expect(dryRun.json().rows).toEqual([expect.objectContaining({ status: 'valid', title: 'Tonnelle 3x3' })]);
  });
});
