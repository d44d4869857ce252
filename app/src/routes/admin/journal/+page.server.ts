import { error } from '@sveltejs/kit';
import type { AuditList } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { describeApiError } from '$lib/server/form-errors';
import { auditActionOf } from './audit-phrases';
import type { PageServerLoad } from './$types';

const pageSize = 50;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The journal's filters as the URL carries them (a GET form: it works without JavaScript). */
function filtersOf(url: URL) {
  const day = (name: string) => {
    const value = url.searchParams.get(name)?.trim() ?? '';
    return dayPattern.test(value) ? value : '';
  };
  return {
    action: auditActionOf(url.searchParams.get('action')),
    q: url.searchParams.get('q')?.trim().slice(0, 200) ?? '',
    du: day('du'),
    au: day('au'),
  };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const filters = filtersOf(url);
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (filters.action) query.set('action', filters.action);
  if (filters.q) query.set('q', filters.q);
  if (filters.du) query.set('from', filters.du);
  if (filters.au) query.set('to', filters.au);
  if (cursor) query.set('cursor', cursor);
  const list = await locals.api.get<AuditList>(`/api/admin/audit?${query}`);
  if (!list.ok) {
    if (list.status === 403) error(403, t('admin.forbidden'));
    if (list.status === 400 && cursor) return { filters, list: null, older: true, failure: t('audit.staleLink') };
    // A day that does not exist, or « au » before « du »: say so above the form.
    if (list.status === 400) return { filters, list: null, older: false, failure: describeApiError(t, list.data) };
    error(list.status, describeApiError(t, list.data));
  }
  return { filters, list: list.data, older: Boolean(cursor), failure: null };
};
