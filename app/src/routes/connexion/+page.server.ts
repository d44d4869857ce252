import { fail, redirect } from '@sveltejs/kit';
import type { Session } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { toFormErrors } from '$lib/server/form-errors';
import { landingPathFor, localPath } from '$lib/server/redirects';
import { startSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const retour = url.searchParams.get('retour');
  if (locals.me) redirect(303, localPath(retour, landingPathFor(locals.me)));
  return { signInNeeded: retour !== null, passwordChanged: url.searchParams.get('mot-de-passe') === 'change' };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const session = await locals.api.post<Session>('/api/auth/login', { email, password });
    if (!session.ok) {
      return fail(session.status, { email, errors: toFormErrors(translator(locals.lang), session.data) });
    }
    startSession(cookies, url, session.data);
    redirect(303, localPath(url.searchParams.get('retour'), landingPathFor(session.data)));
  },
};
