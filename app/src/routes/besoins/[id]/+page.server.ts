import { error, fail } from '@sveltejs/kit';
import type { CategoryList, NeedDetail, NeedResponse, Inventory } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';

type Offer = { value: string; title: string };
type Responder = { id: string; name: string; offers: Offer[] };

export const load: PageServerLoad = async ({ locals, params }) => {
  const t = translator(locals.lang);
  const need = await locals.api.get<NeedDetail>(`/api/needs/${segment(params.id)}`);
  if (!need.ok) error(need.status === 400 ? 404 : need.status, describeApiError(t, need.data));
  const [categories, responders] = await Promise.all([
    need.data.categoryId ? locals.api.get<CategoryList>(`/api/categories?lang=${locals.lang}`) : undefined,
    need.data.viewer.canRespond ? respondersFor(locals, need.data) : [],
  ]);
  const category = categories?.ok ? categories.data.categories.find((c) => c.id === need.data.categoryId) : undefined;
  return { need: need.data, categoryName: category?.name ?? null, responders };
};

/**
 * The structures the person may answer for (not the need's own), each with its published
 * listings of the need's kind, to offer one of them with the answer.
 */
async function respondersFor(locals: App.Locals, need: NeedDetail): Promise<Responder[]> {
  const memberships = (locals.me?.memberships ?? []).filter(
    (m) => m.canTrade && m.organisation.id !== need.organisation.id,
  );
  return Promise.all(
    memberships.map(async ({ organisation }) => {
      const listings = await locals.api.get<Inventory>(`/api/organisations/${segment(organisation.id)}/listings`);
      const own = listings.ok ? (need.kind === 'item' ? listings.data.items : listings.data.services) : [];
      const offers = own
        .filter((listing) => listing.status === 'published')
        .map((listing) => ({ value: `${listing.kind}:${listing.id}`, title: listing.title }));
      return { id: organisation.id, name: organisation.name, offers };
    }),
  );
}

export const actions: Actions = {
  respond: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['message', 'offer', 'organisationId']);
    const [kind, listingId] = values.offer.split(':');
    const body = {
      message: values.message,
      ...(kind === 'item' && listingId ? { itemId: listingId } : {}),
      ...(kind === 'service' && listingId ? { serviceId: listingId } : {}),
      ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    };
    const sent = await locals.api.post<NeedResponse>(`/api/needs/${segment(params.id)}/responses`, body);
    if (!sent.ok) {
      const errors = toFormErrors(t, sent.data, {
        messageScope: 'response.',
        fieldOrder: ['organisationId', 'message', 'itemId', 'serviceId'],
      });
      // The offered listing is one select, whichever kind it is.
      for (const field of ['itemId', 'serviceId']) {
        if (errors.fields[field]) errors.fields.offer = errors.fields[field];
        delete errors.fields[field];
      }
      return fail(sent.status, { values, errors });
    }
    return { responded: t('needs.responded', { organisation: sent.data.organisation.name }) };
  },

  fulfil: async ({ locals, params }) => {
    const t = translator(locals.lang);
    const updated = await locals.api.patch<NeedDetail>(`/api/needs/${segment(params.id)}`, { status: 'fulfilled' });
    if (!updated.ok) return fail(updated.status, { failure: describeApiError(t, updated.data) });
    return { notice: t('needs.fulfilled') };
  },
};
