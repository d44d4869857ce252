import { fail, redirect } from '@sveltejs/kit';
import { passwordMinLength } from '@mutua/server/domain/accounts';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, toFormErrors } from '$lib/server/form-errors';
import { linkProblemOf } from '$lib/server/links';
import type { Actions, PageServerLoad } from './$types';

/** GET checks the link (without using it), to show the form or the link's problem. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const reset = await locals.api.get<{ email: string }>(`/api/auth/password-reset/${segment(params.token)}`);
  if (reset.ok) return { email: reset.data.email, problem: null, failure: null, passwordMinLength };
  const problem = linkProblemOf(reset.status, reset.data);
  return {
    email: null,
    problem,
    failure: problem ? null : describeApiError(translator(locals.lang), reset.data),
    passwordMinLength,
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const password = String((await request.formData()).get('password') ?? '');
    const reset = await locals.api.post<null>('/api/auth/password-reset/confirm', { token: params.token, password });
    // Every session of the account was closed: sign in again, with the new password.
    if (reset.ok) redirect(303, '/connexion?mot-de-passe=change');
    const problem = linkProblemOf(reset.status, reset.data);
    if (problem && reset.data.error !== 'validation_failed') return fail(reset.status, { problem });
    return fail(reset.status, {
      errors: toFormErrors(t, reset.data, { params: { min: passwordMinLength }, fieldOrder: ['password'] }),
    });
  },
};
