import { fail, redirect } from '@sveltejs/kit';
import type { ItemDetail, Inventory } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { actingMemberships, chosenMembership, requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields } from '$lib/server/form-errors';
import { deleteListing, lenderStatusOf, listingKindOf, setListingStatus, statusNotice } from '$lib/server/listings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const membership = chosenMembership(me, url.searchParams.get('structure'));
  if (!membership) return { membership: null, structures: [], listings: null, failure: null };
  const listings = await locals.api.get<Inventory>(
    `/api/organisations/${segment(membership.organisation.id)}/listings`,
  );
  return {
    membership,
    structures: actingMemberships(me).map((m) => m.organisation),
    listings: listings.ok ? listings.data : null,
    failure: listings.ok ? null : describeApiError(translator(locals.lang), listings.data),
  };
};

/** The hidden fields every row's actions carry. */
function target(form: FormData) {
  const { kind, id, title } = textFields(form, ['kind', 'id', 'title']);
  return { kind: listingKindOf(kind), id, title };
}

export const actions: Actions = {
  setStatus: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const { kind, id } = target(form);
    const status = lenderStatusOf(String(form.get('status') ?? ''));
    if (!status) return fail(400, { failure: t('errors.validation_failed') });
    const updated = await setListingStatus(locals, kind, id, status);
    if (!updated.ok) return fail(updated.status, { failure: describeApiError(t, updated.data) });
    return { notice: statusNotice(locals, updated.data.title, updated.data.status) };
  },

  duplicate: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { id } = target(await request.formData());
    const copy = await locals.api.post<ItemDetail>(`/api/items/${segment(id)}/duplicate`);
    if (!copy.ok) return fail(copy.status, { failure: describeApiError(t, copy.data) });
    redirect(303, `/inventaire/materiel/${copy.data.id}?copie`);
  },

  delete: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { kind, id, title } = target(await request.formData());
    const deleted = await deleteListing(locals, kind, id);
    if (!deleted.ok) return fail(deleted.status, { failure: describeApiError(t, deleted.data) });
    return { notice: t('inventory.deleted', { title }) };
  },
};
