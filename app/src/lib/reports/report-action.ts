import { fail } from '@sveltejs/kit';
import { reportReasons, reportTargets, type ReportReason, type ReportTarget } from '@mutua/server/domain/reports';
import { translator } from '$lib/i18n';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';

/**
 * The « report » form action of a page that shows a « Signaler » button (ReportDialog): files the
 * report through the API. The dialog reads the result itself (`reported`, or `reportError` and
 * `reportFields` beside what was typed), so the page's own `form` keeps its meaning.
 */
export async function fileReport({ request, locals }: { request: Request; locals: App.Locals }) {
  const t = translator(locals.lang);
  if (!locals.me) return fail(401, { reportError: t('errors.unauthenticated'), reportFields: {} });
  const values = textFields(await request.formData(), [
    'targetType',
    'targetId',
    'reasonCode',
    'text',
    'organisationId',
  ]);
  if (!(reportTargets as readonly string[]).includes(values.targetType))
    return fail(400, { reportError: t('error.unexpected'), reportFields: {} });
  if (!(reportReasons as readonly string[]).includes(values.reasonCode))
    return fail(400, {
      reportError: t('reports.reasonRequired'),
      reportFields: { reasonCode: t('reports.reasonRequired') },
    });
  const filed = await locals.api.post<{ id: string }>('/api/reports', {
    targetType: values.targetType as ReportTarget,
    targetId: values.targetId,
    reasonCode: values.reasonCode as ReportReason,
    ...(values.text ? { text: values.text } : {}),
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
  });
  if (!filed.ok) {
    const errors = toFormErrors(t, filed.data);
    return fail(filed.status, { reportError: describeApiError(t, filed.data), reportFields: errors.fields });
  }
  return { reported: values.targetId };
}
