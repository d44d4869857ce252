import { error, fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';
import type { NetworkCharterList } from '@mutua/server/contract';

/** A network's charter in force, readable by anyone; « J'ai lu la nouvelle charte » records the reading. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const t = translator(locals.lang);
  const list = await locals.api.get<NetworkCharterList>('/api/charters');
  const network = list.ok ? list.data.networks.find((n) => n.id === params.networkId) : undefined;
  if (!network) error(404, t('error.notFoundText'));
  return { network };
};

export const actions: Actions = {
  read: async ({ locals, params, request }) => {
    const t = translator(locals.lang);
    const version = Number((await request.formData()).get('version'));
    const read = await locals.api.post<{ version: number }>(`/api/me/charters/${params.networkId}/read`, { version });
    if (!read.ok) return fail(read.status, { failure: describeApiError(t, read.data) });
    return { read: { version: read.data.version } };
  },
};
