import { error, fail } from '@sveltejs/kit';
import type { AdminEmail } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const email = await locals.api.get<AdminEmail>(`/api/admin/emails/${segment(params.id)}`);
  if (!email.ok) {
    if (email.status === 403) error(403, t('admin.forbidden'));
    error(email.status === 400 ? 404 : email.status, describeApiError(t, email.data));
  }
  return { email: email.data };
};

export const actions: Actions = {
  /** « Renvoyer »: a failed (or waiting) email goes again now; the API says 409 for any other. */
  retry: async ({ locals, params }) => {
    const t = translator(locals.lang);
    const retried = await locals.api.post<AdminEmail>(`/api/admin/emails/${segment(params.id)}/retry`);
    if (!retried.ok) return fail(retried.status, { failure: describeApiError(t, retried.data) });
    return { notice: t('adminEmails.detail.retried') };
  },
};
