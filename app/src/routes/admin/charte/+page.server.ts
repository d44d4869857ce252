import { error, fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { administeredNetworks, requireMe } from '$lib/server/acting-for';
import { describeApiError, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';
import type { Charter, CharterVersionList } from '@mutua/server/contract';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const networks = administeredNetworks(locals);
  if (networks.length === 0) error(403, t('admin.forbidden'));
  const network = networks.find((n) => n.id === url.searchParams.get('reseau')) ?? networks[0]!;
  const list = await locals.api.get<CharterVersionList>(`/api/admin/networks/${network.id}/charters`);
  if (!list.ok) error(list.status, describeApiError(t, list.data));
  return { networks, network, versions: list.data.versions };
};

export const actions: Actions = {
  /** Shows the text as members will read it, without publishing (works without JavaScript). */
  preview: async ({ request }) => {
    const form = await request.formData();
    return { preview: { networkId: String(form.get('networkId') ?? ''), body: String(form.get('body') ?? '') } };
  },
  publish: async ({ locals, request }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const networkId = String(form.get('networkId') ?? '');
    const body = String(form.get('body') ?? '');
    const published = await locals.api.post<Charter>(`/api/admin/networks/${networkId}/charters`, { body });
    if (!published.ok) {
      return fail(published.status, { values: { networkId, body }, errors: toFormErrors(t, published.data) });
    }
    return { published: { version: published.data.version } };
  },
};
