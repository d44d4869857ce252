import { error, fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { type InboxEntry, type InboxKind, inboxKinds } from './inbox-entries';
import type { Actions, PageServerLoad } from './$types';

type InboxList = { entries: InboxEntry[]; nextCursor: string | null };

const kindOf = (value: string | null): InboxKind | '' =>
  (inboxKinds as readonly string[]).includes(value ?? '') ? (value as InboxKind) : '';

/** The inbox's filters as the URL carries them (a GET form: it works without JavaScript). */
function filtersOf(url: URL, networkIds: string[]) {
  const network = url.searchParams.get('reseau') ?? '';
  return { genre: kindOf(url.searchParams.get('genre')), reseau: networkIds.includes(network) ? network : '' };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const t = translator(locals.lang);
  const networks = me.networkRoles.map((role) => role.network);
  const filters = filtersOf(
    url,
    networks.map((network) => network.id),
  );
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams();
  if (filters.genre) query.set('kind', filters.genre);
  if (filters.reseau) query.set('networkId', filters.reseau);
  if (cursor) query.set('cursor', cursor);
  const list = await locals.api.get<InboxList>(`/api/admin/inbox?${query}`);
  if (!list.ok) {
    if (list.status === 403) error(403, t('inbox.forbidden'));
    if (list.status === 400 && cursor)
      return { filters, networks, list: null, older: true, failure: t('inbox.staleLink') };
    error(list.status, describeApiError(t, list.data));
  }
  return { filters, networks, list: list.data, older: Boolean(cursor), failure: null };
};

export const actions: Actions = {
  followUp: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { bookingId, reason, note } = textFields(await request.formData(), ['bookingId', 'reason', 'note']);
    const handled = await locals.api.post(`/api/admin/loans/${segment(bookingId)}/follow-up`, { reason, note });
    if (!handled.ok) {
      const errors = toFormErrors(t, handled.data);
      return fail(handled.status, {
        bookingId,
        reason,
        note,
        failure: errors.message,
        noteError: errors.fields.note,
      });
    }
    return { notice: t('inbox.actions.followedUp') };
  },
};
