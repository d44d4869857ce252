import { fail } from '@sveltejs/kit';
import type { NotificationPreference } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { describeApiError } from '$lib/server/form-errors';
import { preferencesPatch } from '$lib/notifications/preference-groups';
import type { Actions, PageServerLoad } from './$types';

type Preferences = { preferences: NotificationPreference[] };

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const answer = await locals.api.get<Preferences>('/api/me/notification-preferences');
  return {
    preferences: answer.ok ? answer.data.preferences : null,
    isNetworkAdmin: me.networkRoles.some((role) => role.role === 'admin'),
  };
};

export const actions: Actions = {
  /** One save for every kind: each radio group is named by its kind. */
  default: async ({ request, locals, url }) => {
    requireMe(locals, url);
    const t = translator(locals.lang);
    const form = await request.formData();
    const current = await locals.api.get<Preferences>('/api/me/notification-preferences');
    if (!current.ok) return fail(current.status, { failure: describeApiError(t, current.data) });
    const preferences = preferencesPatch(form, current.data.preferences);
    if (preferences.length === 0) return { notice: t('notifications.preferences.saved') };
    const saved = await locals.api.patch<Preferences>('/api/me/notification-preferences', { preferences });
    if (!saved.ok) return fail(saved.status, { failure: describeApiError(t, saved.data) });
    return { notice: t('notifications.preferences.saved') };
  },
};
