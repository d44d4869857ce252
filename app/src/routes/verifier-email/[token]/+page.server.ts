import { fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import { linkProblemOf } from '$lib/server/links';
import type { Actions, PageServerLoad } from './$types';

/** GET only shows the button: mail scanners open links, and must not confirm anything. */
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ locals, params }) => {
    const verified = await locals.api.post<{ email: string }>('/api/auth/verify-email', { token: params.token });
    if (verified.ok) return { verified: verified.data.email };
    const problem = linkProblemOf(verified.status, verified.data);
    if (problem) return fail(verified.status, { problem });
    return fail(verified.status, { failure: describeApiError(translator(locals.lang), verified.data) });
  },
};
