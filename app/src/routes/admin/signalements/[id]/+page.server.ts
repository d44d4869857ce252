import { error, fail, redirect } from '@sveltejs/kit';
import { reportOutcomes, type ReportOutcome } from '@mutua/server/domain/reports';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import type { AdminReportDetail } from '../report-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!locals.me) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname)}`);
  const t = translator(locals.lang);
  const report = await locals.api.get<AdminReportDetail>(`/api/admin/reports/${segment(params.id)}`);
  if (!report.ok) {
    if (report.status === 403) error(403, t('admin.forbidden'));
    error(report.status === 400 ? 404 : report.status, describeApiError(t, report.data));
  }
  // Suspending is the admins': a moderator does not get the choice (the API would refuse it).
  const isAdmin = (locals.me.networkRoles ?? []).some((role) => role.role === 'admin');
  return { report: report.data, isAdmin };
};

export const actions: Actions = {
  resolve: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const { outcome, note } = textFields(await request.formData(), ['outcome', 'note']);
    const chosen = (reportOutcomes as readonly string[]).includes(outcome) ? (outcome as ReportOutcome) : null;
    if (!chosen || !note)
      return fail(400, {
        outcome,
        note,
        failure: undefined as string | undefined,
        outcomeError: chosen ? undefined : t('reports.outcomeRequired'),
        noteError: note ? undefined : t('reports.noteRequired'),
      });
    const resolved = await locals.api.post<AdminReportDetail>(`/api/admin/reports/${segment(params.id)}/resolve`, {
      outcome: chosen,
      note,
    });
    if (!resolved.ok) {
      const errors = toFormErrors(t, resolved.data);
      return fail(resolved.status, {
        outcome,
        note,
        failure: errors.message,
        outcomeError: errors.fields.outcome,
        noteError: errors.fields.note,
      });
    }
    return { notice: t('reports.resolved') };
  },
};
