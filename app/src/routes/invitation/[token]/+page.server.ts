import { fail, redirect } from '@sveltejs/kit';
import { passwordMinLength } from '@mutua/server/domain/accounts';
import type { InvitationDetail, Session } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { linkProblemOf } from '$lib/server/links';
import { startSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

async function readInvitation(locals: App.Locals, token: string) {
  const invitation = await locals.api.get<InvitationDetail>(`/api/invitations/${segment(token)}`);
  if (invitation.ok) return { invitation: invitation.data, problem: null, failure: null };
  const problem = linkProblemOf(invitation.status, invitation.data);
  return {
    invitation: null,
    problem,
    failure: problem ? null : describeApiError(translator(locals.lang), invitation.data),
  };
}

/**
 * An invitation to join a structure. Signed in: one button. Signed out with an account for this
 * address: sign in first, then back here. Without an account: a short sign-up, the address fixed.
 */
export const load: PageServerLoad = async ({ locals, params }) => ({
  ...(await readInvitation(locals, params.token)),
  passwordMinLength,
});

export const actions: Actions = {
  accept: async ({ locals, params, url }) => {
    if (!locals.me) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname)}`);
    const accepted = await locals.api.post<{ organisationId: string }>(
      `/api/invitations/${segment(params.token)}/accept`,
    );
    if (accepted.ok) redirect(303, '/ma-structure');
    const problem = linkProblemOf(accepted.status, accepted.data);
    if (problem) return fail(accepted.status, { problem });
    return fail(accepted.status, { failure: describeApiError(translator(locals.lang), accepted.data) });
  },

  /** The sign-up of someone invited: name and password; the address is the invitation's (read again here, not from the form). */
  register: async ({ request, locals, params, cookies, url }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const { name } = textFields(form, ['name']);
    const read = await readInvitation(locals, params.token);
    if (!read.invitation) return fail(400, { problem: read.problem ?? 'invalid' });
    const session = await locals.api.post<Session>('/api/auth/register', {
      name,
      email: read.invitation.email,
      password: String(form.get('password') ?? ''),
      invitationToken: params.token,
      locale: locals.lang,
    });
    if (session.ok) {
      startSession(cookies, url, session.data);
      redirect(303, '/ma-structure');
    }
    const problem = linkProblemOf(session.status, session.data);
    if (problem && session.data.error !== 'validation_failed') return fail(session.status, { problem });
    const errors = toFormErrors(t, session.data, {
      params: { min: passwordMinLength },
      fieldOrder: ['name', 'password'],
    });
    return fail(session.status, { name, errors });
  },
};
