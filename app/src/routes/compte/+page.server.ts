import { fail, redirect } from '@sveltejs/kit';
import { passwordMinLength } from '@mutua/server/domain/accounts';
import type { ErasureScheduled, Me, SessionList } from '@mutua/server/contract';
import type { FormErrors } from '$lib/form-errors';
import { isLocale, plural, translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { rememberLanguage } from '$lib/server/language';
import { endSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const listed = await locals.api.get<SessionList>('/api/me/sessions');
  return { passwordMinLength, sessions: listed.ok ? listed.data.sessions : null };
};

export const actions: Actions = {
  /** Name and language: `PATCH /api/me` with what changed; the page (and the cookie) follow the new language. */
  profile: async ({ request, locals, url, cookies }) => {
    const me = requireMe(locals, url);
    const values = textFields(await request.formData(), ['name', 'locale']);
    const changes: { name?: string; locale?: 'fr' | 'en' } = {};
    if (values.name !== me.user.name) changes.name = values.name;
    if (isLocale(values.locale) && values.locale !== me.user.locale) changes.locale = values.locale;
    const t = translator(changes.locale ?? locals.lang);
    if (Object.keys(changes).length === 0) return { profileNotice: t('account.unchanged') };

    const saved = await locals.api.patch<Me>('/api/me', changes);
    if (!saved.ok)
      return fail(saved.status, {
        profile: values,
        profileErrors: toFormErrors(translator(locals.lang), saved.data, { fieldOrder: ['name', 'locale'] }),
      });
    if (changes.locale) {
      rememberLanguage(cookies, url, changes.locale);
      // This very answer (a page, without JavaScript) is already in the new language.
      locals.lang = changes.locale;
    }
    return { profileNotice: t('account.saved') };
  },

  /** A new address: the API sends the confirmation link to it; nothing changes until it is opened. */
  email: async ({ request, locals, url }) => {
    const me = requireMe(locals, url);
    const t = translator(locals.lang);
    const form = await request.formData();
    const { email } = textFields(form, ['email']);
    const password = String(form.get('password') ?? '');
    if (email.toLowerCase() === me.user.email.toLowerCase()) {
      const errors: FormErrors = { message: t('errors.validation_failed'), fields: { email: t('account.sameEmail') } };
      return fail(400, { email, emailErrors: errors });
    }
    const sent = await locals.api.post<null>('/api/me/email', { email, password });
    if (!sent.ok) {
      const errors = toFormErrors(t, sent.data, { fieldOrder: ['email', 'password'] });
      // Errors about one field, told without one.
      if (sent.data.error === 'invalid_credentials')
        errors.message = errors.fields.password = t('account.wrongPassword');
      if (sent.data.error === 'email_taken') errors.fields.email = errors.message;
      return fail(sent.status, { email, emailErrors: errors });
    }
    return { emailNotice: t('account.emailChangeSent', { email, current: me.user.email }) };
  },

  /**
   * `POST /api/me/password`: this session stays, the others end. The passwords are never sent
   * back to the page: they are typed again after an error.
   */
  password: async ({ request, locals, url }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const form = await request.formData();
    const changed = await locals.api.post<null>('/api/me/password', {
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
    });
    if (!changed.ok)
      return fail(changed.status, {
        passwordErrors: toFormErrors(t, changed.data, {
          params: { min: passwordMinLength },
          fieldOrder: ['currentPassword', 'newPassword'],
        }),
      });
    return { passwordNotice: t('account.password.changed') };
  },

  /** « Se déconnecter de partout ailleurs ». */
  revokeOthers: async ({ locals, url }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const revoked = await locals.api.post<{ revoked: number }>('/api/me/sessions/revoke-others');
    if (!revoked.ok) return fail(revoked.status, { sessionsError: describeApiError(t, revoked.data) });
    return {
      sessionsNotice:
        revoked.data.revoked === 0
          ? t('account.sessions.onlyThisOne')
          : plural(t, 'account.sessions.revokedOthers', revoked.data.revoked),
    };
  },

  /** « Fermer cette session », for one of the others. */
  revokeSession: async ({ request, locals, url }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const { id } = textFields(await request.formData(), ['id']);
    const ended = await locals.api.delete(`/api/me/sessions/${segment(id)}`);
    if (ended.ok) return { sessionsNotice: t('account.sessions.revoked') };
    if (ended.status === 404) return { sessionsNotice: t('account.sessions.gone') };
    return fail(ended.status, { sessionsError: describeApiError(t, ended.data) });
  },

  /**
   * « Supprimer mon compte »: `DELETE /api/me` with the password. The API ends every session,
   * this one too: the cookie goes, and the page that follows says when the account is erased.
   */
  deleteAccount: async ({ request, locals, url, cookies }) => {
    const me = requireMe(locals, url);
    const t = translator(locals.lang);
    const form = await request.formData();
    if (form.get('confirm') !== 'yes') {
      const errors: FormErrors = {
        message: t('errors.validation_failed'),
        fields: { confirm: t('privacy.delete.confirmRequired') },
      };
      return fail(400, { deletionErrors: errors, deletionBlockedBy: [] as string[] });
    }
    const deleted = await locals.api.delete<ErasureScheduled>('/api/me', {
      password: String(form.get('password') ?? ''),
    });
    if (!deleted.ok) {
      if (deleted.data.error === 'last_manager_with_open_loans') {
        // The API names the structures in its (French) sentences: the page lists the person's own by name.
        const details = deleted.data.details ?? [];
        const blockedBy = me.memberships
          .map((membership) => membership.organisation.name)
          .filter((name) => details.some((detail) => detail.message.includes(`« ${name} »`)));
        const errors: FormErrors = { message: describeApiError(t, deleted.data), fields: {} };
        return fail(deleted.status, { deletionErrors: errors, deletionBlockedBy: blockedBy });
      }
      const errors = toFormErrors(t, deleted.data, { fieldOrder: ['password', 'confirm'] });
      if (deleted.data.error === 'invalid_credentials')
        errors.message = errors.fields.password = t('privacy.delete.wrongPassword');
      return fail(deleted.status, { deletionErrors: errors, deletionBlockedBy: [] as string[] });
    }
    endSession(cookies, url);
    redirect(303, `/compte/suppression?le=${encodeURIComponent(deleted.data.eraseAfter)}`);
  },

  /** « Renvoyer le lien » of the banner: without JavaScript it lands here, and this page says what happened. */
  resendVerification: async ({ locals, url }) => {
    const me = requireMe(locals, url);
    const t = translator(locals.lang);
    if (me.user.emailVerified) return { resendNotice: t('account.banner.alreadyVerified') };
    const sent = await locals.api.post<null>('/api/auth/verify-email/resend');
    if (sent.ok) return { resendNotice: t('account.banner.resent', { email: me.user.email }) };
    return fail(sent.status, {
      resendError: sent.status === 429 ? t('account.banner.tooFrequent') : describeApiError(t, sent.data),
    });
  },
};
