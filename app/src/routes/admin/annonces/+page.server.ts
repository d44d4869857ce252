import { error, fail, redirect } from '@sveltejs/kit';
import type { CategoryList, ModeratedListing, ModeratedListingList } from '@mutua/server/contract';
import { translator, type Translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { listingTabOf, listingTabs, listingTypeFilters, listingTypeOf } from './listing-tabs';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.me) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  const t = translator(locals.lang);
  const tab = listingTabOf(url.searchParams.get('statut'));
  const type = listingTypeOf(url.searchParams.get('type'));
  const q = url.searchParams.get('q')?.trim().slice(0, 200) ?? '';
  const cursor = url.searchParams.get('cursor');
  const query = new URLSearchParams({ status: listingTabs[tab], limit: String(pageSize) });
  if (type) query.set('type', listingTypeFilters[type]);
  if (q) query.set('q', q);
  if (cursor) query.set('cursor', cursor);
  const [list, categories] = await Promise.all([
    locals.api.get<ModeratedListingList>(`/api/admin/listings?${query}`),
    locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`),
  ]);
  const categoryNames = Object.fromEntries(
    (categories.ok ? categories.data.categories : []).map((category) => [category.id, category.name]),
  );
  const filters = { tab, type, q };
  if (!list.ok) {
    if (list.status === 403) error(403, t('admin.forbidden'));
    if (list.status === 400 && cursor)
      return {
        filters,
        listings: [],
        nextCursor: null,
        paged: true,
        categoryNames,
        failure: t('listingModeration.staleLink'),
      };
    error(list.status, describeApiError(t, list.data));
  }
  return { filters, ...list.data, paged: Boolean(cursor), categoryNames, failure: null };
};

type Move = 'approve' | 'request-changes' | 'hide' | 'unhide' | 'archive';

/** One moderator's decision: the form's listing, what they typed, the API's answer as a notice or next to the field. */
async function moderate(
  request: Request,
  locals: App.Locals,
  move: Move,
  notice: 'approved' | 'changesRequested' | 'hidden' | 'unhidden' | 'archived',
) {
  const t = translator(locals.lang);
  const form = await request.formData();
  const { listingId, listingType, message, reason } = textFields(form, [
    'listingId',
    'listingType',
    'message',
    'reason',
  ]);
  const confirmed = form.get('confirm') === 'oui';
  const kept = { listingId, action: move, message, reason };
  if (move === 'request-changes' && !message)
    return fail(400, { ...kept, messageError: t('listingModeration.messageRequired') });
  if ((move === 'hide' || move === 'archive') && (!confirmed || (move === 'hide' && !reason)))
    return fail(400, {
      ...kept,
      reasonError: move === 'hide' && !reason ? t('listingModeration.reasonRequired') : undefined,
      confirmError: confirmed ? undefined : t('listingModeration.confirmRequired'),
    });
  const body =
    move === 'request-changes'
      ? { message }
      : move === 'hide'
        ? { reason }
        : move === 'archive'
          ? reason
            ? { reason }
            : {}
          : {};
  const kind = listingType === 'service' ? 'services' : 'items';
  const done = await locals.api.post<ModeratedListing>(
    `/api/admin/listings/${kind}/${segment(listingId)}/${move}`,
    body,
  );
  if (!done.ok) return refused(t, done, kept);
  return { notice: t(`listingModeration.${notice}`, { title: done.data.title }) };
}

function refused(
  t: Translator,
  response: { status: number; data: Parameters<typeof toFormErrors>[1] },
  kept: { listingId: string; action: Move; message: string; reason: string },
) {
  const errors = toFormErrors(t, response.data);
  return fail(response.status, {
    ...kept,
    failure: errors.message,
    messageError: errors.fields.message,
    reasonError: errors.fields.reason,
  });
}

export const actions: Actions = {
  approve: ({ request, locals }) => moderate(request, locals, 'approve', 'approved'),
  requestChanges: ({ request, locals }) => moderate(request, locals, 'request-changes', 'changesRequested'),
  hide: ({ request, locals }) => moderate(request, locals, 'hide', 'hidden'),
  unhide: ({ request, locals }) => moderate(request, locals, 'unhide', 'unhidden'),
  archive: ({ request, locals }) => moderate(request, locals, 'archive', 'archived'),
};
