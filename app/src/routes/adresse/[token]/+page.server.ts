import { fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import { linkProblemOf } from '$lib/server/links';
import type { Actions, PageServerLoad } from './$types';

/** The link sent to a new address: GET shows the button, the POST changes the address. */
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ locals, params }) => {
    const changed = await locals.api.post<{ email: string }>('/api/auth/email-change/confirm', { token: params.token });
    if (changed.ok) return { changed: changed.data.email };
    const problem = linkProblemOf(changed.status, changed.data);
    if (problem) return fail(changed.status, { problem });
    return fail(changed.status, { failure: describeApiError(translator(locals.lang), changed.data) });
  },
};
