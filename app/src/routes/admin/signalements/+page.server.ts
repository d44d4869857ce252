import { error, redirect } from '@sveltejs/kit';
import { reportTargets, type ReportTarget } from '@mutua/server/domain/reports';
import { translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import { type AdminReportList, reportTabOf, reportTabs } from './report-types';
import type { PageServerLoad } from './$types';

const pageSize = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.me) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  const t = translator(locals.lang);
  const tab = reportTabOf(url.searchParams.get('etat'));
  const wanted = url.searchParams.get('cible') ?? '';
  const target = (reportTargets as readonly string[]).includes(wanted) ? (wanted as ReportTarget) : '';
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ status: reportTabs[tab], limit: String(pageSize) });
  if (target) query.set('targetType', target);
  if (cursor) query.set('cursor', cursor);
  const list = await locals.api.get<AdminReportList>(`/api/admin/reports?${query}`);
  const filters = { tab, target };
  if (!list.ok) {
    if (list.status === 403) error(403, t('admin.forbidden'));
    if (list.status === 400 && cursor)
      return { filters, reports: [], nextCursor: null, paged: true, failure: t('reports.staleLink') };
    error(list.status, describeApiError(t, list.data));
  }
  return { filters, ...list.data, paged: Boolean(cursor), failure: null };
};
