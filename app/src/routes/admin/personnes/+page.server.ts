import { error, fail } from '@sveltejs/kit';
import { formatDay, translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';
import type { ErasureScheduled, PeopleList, Person, SuspendedPerson } from '@mutua/server/contract';

export type { Person } from '@mutua/server/contract';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const q = url.searchParams.get('q')?.trim().slice(0, 200) ?? '';
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  const list = await locals.api.get<PeopleList>(`/api/admin/users?${query}`);
  if (!list.ok) {
    if (list.status === 403) error(403, t('admin.forbidden'));
    error(list.status, describeApiError(t, list.data));
  }
  return { q, list: list.data, older: Boolean(cursor) };
};

export const actions: Actions = {
  suspend: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const { userId, reason } = textFields(form, ['userId', 'reason']);
    const confirmed = form.get('confirm') === 'oui';
    if (!reason || !confirmed)
      return fail(400, {
        userId,
        reason,
        reasonError: reason ? undefined : t('inbox.people.reasonRequired'),
        confirmError: confirmed ? undefined : t('inbox.people.confirmRequired'),
      });
    const suspended = await locals.api.post<SuspendedPerson>(`/api/admin/users/${segment(userId)}/suspend`, {
      reason,
    });
    if (!suspended.ok) {
      const errors = toFormErrors(t, suspended.data);
      return fail(suspended.status, { userId, reason, failure: errors.message, reasonError: errors.fields.reason });
    }
    const { person, declinedRequests, openLoans } = suspended.data;
    return {
      notice: t('inbox.people.suspendedNotice', { name: person.name, declined: declinedRequests, open: openLoans }),
    };
  },

  /** « Supprimer son compte » at the person's request: the same 7 days' grace as their own request. */
  erase: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const { userId, note } = textFields(form, ['userId', 'note']);
    const confirmed = form.get('confirm') === 'oui';
    if (!note || !confirmed)
      return fail(400, {
        userId,
        note,
        noteError: note ? undefined : t('privacy.admin.noteRequired'),
        confirmError: confirmed ? undefined : t('privacy.admin.confirmRequired'),
      });
    const scheduled = await locals.api.delete<ErasureScheduled>(`/api/admin/users/${segment(userId)}`, { note });
    if (!scheduled.ok) {
      const errors = toFormErrors(t, scheduled.data);
      return fail(scheduled.status, { userId, note, failure: errors.message, noteError: errors.fields.note });
    }
    const name = String(form.get('name') ?? '');
    return { notice: t('privacy.admin.scheduled', { name, date: formatDay(t.lang, scheduled.data.eraseAfter) }) };
  },

  reinstate: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { userId } = textFields(await request.formData(), ['userId']);
    const reinstated = await locals.api.post<Person>(`/api/admin/users/${segment(userId)}/reinstate`);
    if (!reinstated.ok) return fail(reinstated.status, { userId, failure: describeApiError(t, reinstated.data) });
    return { notice: t('inbox.people.reinstatedNotice', { name: reinstated.data.name }) };
  },
};
