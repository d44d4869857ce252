import { fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { textFields, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';

/** `?email=` fills the field (from « Mon compte »). */
export const load: PageServerLoad = ({ url }) => ({ email: url.searchParams.get('email') ?? '' });

export const actions: Actions = {
  /** The same answer whether an account has this address or not: the page never tells who is registered. */
  default: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { email } = textFields(await request.formData(), ['email']);
    if (!email)
      return fail(400, {
        email,
        errors: { message: t('errors.validation_failed'), fields: { email: t('account.forgot.emailRequired') } },
      });
    const asked = await locals.api.post<null>('/api/auth/password-reset', { email });
    if (asked.ok) return { email, sent: true };
    return fail(asked.status, { email, errors: toFormErrors(t, asked.data, { fieldOrder: ['email'] }) });
  },
};
