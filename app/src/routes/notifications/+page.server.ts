import { fail, redirect } from '@sveltejs/kit';
import type { NotificationList } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields } from '$lib/server/form-errors';
import { localPath } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (cursor) query.set('cursor', cursor);
  const list = await locals.api.get<NotificationList>(`/api/notifications?${query}`);
  if (!list.ok) {
    // A cursor from an old link: start again from the newest rather than fail.
    if (list.status === 400 && cursor) return { list: null, older: false, failure: t('notifications.staleLink') };
    return { list: null, older: Boolean(cursor), failure: t('notifications.failed') };
  }
  return { list: list.data, older: Boolean(cursor), failure: null };
};

export const actions: Actions = {
  /** Opening a notification: marked read, then on to where it leads (a path of this site only). */
  open: async ({ request, locals }) => {
    const { id, link } = textFields(await request.formData(), ['id', 'link']);
    // Already read, or gone: the person still wants to go there.
    await locals.api.post<null>(`/api/notifications/${segment(id)}/read`);
    redirect(303, localPath(link, '/notifications'));
  },

  read: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { id } = textFields(await request.formData(), ['id']);
    const read = await locals.api.post<null>(`/api/notifications/${segment(id)}/read`);
    if (!read.ok) return fail(read.status, { failure: describeApiError(t, read.data) });
    return { notice: t('notifications.markedRead') };
  },

  readAll: async ({ locals }) => {
    const t = translator(locals.lang);
    const read = await locals.api.post<null>('/api/notifications/read-all');
    if (!read.ok) return fail(read.status, { failure: describeApiError(t, read.data) });
    return { notice: t('notifications.markedAllRead') };
  },
};
