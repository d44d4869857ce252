import { error } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { describeApiError, toFormErrors } from '$lib/server/form-errors';
import { apiQuery, filtersOf, pageQuery } from './filters';
import { impactTables, type ImpactReport, type ImpactTable } from './impact-types';

/** The API's field → the filter form's field. */
const formFields: Record<string, string> = { from: 'du', to: 'au', territory: 'departement' };

/** What the dashboard and the funder page show: the report for the filters in the URL. */
export async function loadImpactReport(locals: App.Locals, url: URL) {
  const me = requireMe(locals, url);
  const t = translator(locals.lang);
  const networks = me.networkRoles.filter((role) => role.role === 'admin').map((role) => role.network);
  if (networks.length === 0) error(403, t('admin.forbidden'));
  const filters = filtersOf(
    url,
    networks.map((network) => network.id),
  );
  const response = await locals.api.get<ImpactReport>(`/api/admin/impact?${apiQuery(filters)}`);
  const base = { networks, filters, query: pageQuery(filters) };
  if (!response.ok) {
    if (response.status === 403) error(403, t('admin.forbidden'));
    if (response.status !== 400) error(response.status, describeApiError(t, response.data));
    const errors = toFormErrors(t, response.data);
    const fieldErrors = Object.fromEntries(
      Object.entries(errors.fields).map(([path, message]) => [formFields[path] ?? path, message]),
    );
    return { ...base, report: null, csv: null, failure: errors.message, fieldErrors };
  }
  // The CSV files come straight from the API, which reads the session cookie (same origin).
  const csv = Object.fromEntries(
    impactTables.map((table) => [table, `/api/admin/impact?${apiQuery(filters, { format: 'csv', table })}`]),
  ) as Record<ImpactTable, string>;
  return { ...base, report: response.data, csv, failure: null, fieldErrors: {} as Record<string, string> };
}
