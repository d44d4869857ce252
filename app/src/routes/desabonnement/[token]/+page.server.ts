import { fail } from '@sveltejs/kit';
import type { NotificationKind } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';

/** Public: the link in an email is enough, no sign-in. GET only reads what the link would turn off. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const target = await locals.api.get<{ kind: NotificationKind }>(`/api/unsubscribe/${segment(params.token)}`);
  if (target.ok) return { kind: target.data.kind, invalid: false };
  if (target.status === 400) return { kind: null, invalid: true };
  return { kind: null, invalid: false, failure: describeApiError(translator(locals.lang), target.data) };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    const done = await locals.api.post<{ kind: NotificationKind }>(`/api/unsubscribe/${segment(params.token)}`);
    if (done.ok) return { unsubscribed: done.data.kind };
    if (done.status === 400) return fail(400, { invalid: true });
    return fail(done.status, { failure: describeApiError(translator(locals.lang), done.data) });
  },
};
