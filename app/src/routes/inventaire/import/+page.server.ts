import { fail, redirect } from '@sveltejs/kit';
import type { ErrorDetail, ImportReport } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { chosenMembership, requireMe } from '$lib/server/acting-for';
import { describeApiError } from '$lib/server/form-errors';
import { readUpload } from '$lib/server/listings';
import type { Actions, PageServerLoad } from './$types';

/** A CSV of a few thousand rows; beyond that, split the file. */
const maxCsvBytes = 2 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const membership = chosenMembership(me, url.searchParams.get('structure'));
  if (!membership) redirect(303, '/inventaire');
  return { organisation: membership.organisation, canPublish: membership.organisation.status === 'active' };
};

/** The header's problems, from the details of an `import_columns` refusal (`columns.<header>`, the header's key escaped). */
function columnsProblem(details: ErrorDetail[]) {
  const unescape = (key: string) => key.replaceAll('~2', '.').replaceAll('~1', '/').replaceAll('~0', '~');
  const headers = (code: string) =>
    details.filter((detail) => detail.code === code).map((detail) => unescape(detail.path.replace(/^columns\./, '')));
  return { missing: headers('required'), unknown: headers('additionalProperties') };
}

function postCsv(locals: App.Locals, organisationId: string, csv: string, dryRun: boolean) {
  const query = new URLSearchParams({ dryRun: String(dryRun), organisationId });
  return locals.api.postText<ImportReport>(`/api/items/import?${query}`, csv, 'text/csv');
}

async function sendCsv(locals: App.Locals, organisationId: string, csv: string, dryRun: boolean) {
  const t = translator(locals.lang);
  const result = await postCsv(locals, organisationId, csv, dryRun);
  if (result.ok) return { ok: true as const, report: result.data };
  const { error, details = [] } = result.data;
  const columns = error === 'import_columns' ? columnsProblem(details) : undefined;
  // A refused import wrote nothing: checking the same file again gives its report, row by row.
  const checked = error === 'import_invalid' && !dryRun ? await postCsv(locals, organisationId, csv, true) : undefined;
  const rows = checked?.ok ? checked.data.rows : undefined;
  return { ok: false as const, status: result.status, message: describeApiError(t, result.data), columns, rows };
}

export const actions: Actions = {
  /** First step: the API checks every row and writes nothing. */
  preview: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await readUpload(request);
    if (!form) return fail(413, { failure: t('import.tooBig') });
    const organisationId = String(form.get('organisationId') ?? '');
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { failure: t('import.missingFile') });
    if (file.size > maxCsvBytes) return fail(413, { failure: t('import.tooBig') });
    const csv = await file.text();
    const checked = await sendCsv(locals, organisationId, csv, true);
    if (!checked.ok)
      return fail(checked.status, { failure: checked.message, columns: checked.columns, rows: checked.rows });
    return { step: 'checked' as const, csv, fileName: file.name, rows: checked.report.rows };
  },

  /** Second step: the same text, sent back from the page, imported for real (all rows or none). */
  confirm: async ({ request, locals }) => {
    const form = await request.formData();
    const organisationId = String(form.get('organisationId') ?? '');
    const csv = String(form.get('csv') ?? '');
    const imported = await sendCsv(locals, organisationId, csv, false);
    if (!imported.ok)
      return fail(imported.status, { failure: imported.message, columns: imported.columns, rows: imported.rows });
    return { step: 'imported' as const, created: imported.report.created, rows: imported.report.rows };
  },
};
