import { error } from '@sveltejs/kit';
import type { MyReportList } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { describeApiError } from '$lib/server/form-errors';
import type { PageServerLoad } from './$types';

/** « Mes signalements »: what the person reported and what came of it (never the moderators' note). */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const mine = await locals.api.get<MyReportList>('/api/me/reports');
  if (!mine.ok) error(mine.status, describeApiError(translator(locals.lang), mine.data));
  return { reports: mine.data.reports };
};
