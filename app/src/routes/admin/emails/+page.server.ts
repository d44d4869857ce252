import { error } from '@sveltejs/kit';
import type { AdminEmailList } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { describeApiError } from '$lib/server/form-errors';
import { emailFilterOf, emailFilters } from './email-statuses';
import type { PageServerLoad } from './$types';

const pageSize = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const filter = emailFilterOf(url.searchParams.get('statut'));
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (filter) query.set('status', emailFilters[filter]);
  if (cursor) query.set('cursor', cursor);
  const list = await locals.api.get<AdminEmailList>(`/api/admin/emails?${query}`);
  if (!list.ok) {
    if (list.status === 403) error(403, t('admin.forbidden'));
    // A cursor from an old link: say so, with the way back to the newest.
    if (list.status === 400 && cursor) return { filter, list: null, older: true, failure: t('adminEmails.staleLink') };
    error(list.status, describeApiError(t, list.data));
  }
  return { filter, list: list.data, older: Boolean(cursor), failure: null };
};
