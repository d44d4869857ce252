import { error, fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';
import type { NetworkList, NetworkSettings } from '@mutua/server/contract';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const list = await locals.api.get<NetworkList>('/api/admin/networks');
  if (!list.ok) {
    if (list.status === 403) error(403, t('admin.forbidden'));
    error(list.status, describeApiError(t, list.data));
  }
  return { networks: list.data.networks };
};

export const actions: Actions = {
  settings: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const fields = textFields(await request.formData(), ['networkId', 'listingReview', 'overdueDaysBeforeInbox']);
    const days = Number(fields.overdueDaysBeforeInbox);
    const saved = await locals.api.patch<NetworkSettings>(`/api/admin/networks/${segment(fields.networkId)}`, {
      listingReview: fields.listingReview,
      overdueDaysBeforeInbox: /^\d{1,3}$/.test(fields.overdueDaysBeforeInbox) ? days : fields.overdueDaysBeforeInbox,
    });
    if (!saved.ok) {
      const errors = toFormErrors(t, saved.data);
      return fail(saved.status, {
        networkId: fields.networkId,
        action: 'settings',
        overdueDaysBeforeInbox: fields.overdueDaysBeforeInbox,
        failure: errors.message,
        daysError: errors.fields.overdueDaysBeforeInbox,
      });
    }
    return { notice: t('inbox.network.saved', { name: saved.data.name }) };
  },

  addModerator: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { networkId, email } = textFields(await request.formData(), ['networkId', 'email']);
    if (!email)
      return fail(400, { networkId, action: 'addModerator', email, emailError: t('inbox.network.emailRequired') });
    const added = await locals.api.post<NetworkSettings>(`/api/admin/networks/${segment(networkId)}/moderators`, {
      email,
    });
    if (!added.ok) {
      const errors = toFormErrors(t, added.data);
      // A missing account or a role already held is about the address typed: say it beside the field.
      return fail(added.status, {
        networkId,
        action: 'addModerator',
        email,
        emailError: errors.fields.email ?? (added.status === 404 ? added.data.message : errors.message),
      });
    }
    return { notice: t('inbox.network.added', { email, network: added.data.name }) };
  },

  removeModerator: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { networkId, userId, name } = textFields(await request.formData(), ['networkId', 'userId', 'name']);
    const removed = await locals.api.delete<NetworkSettings>(
      `/api/admin/networks/${segment(networkId)}/moderators/${segment(userId)}`,
    );
    if (!removed.ok) return fail(removed.status, { networkId, failure: describeApiError(t, removed.data) });
    return { notice: t('inbox.network.removed', { name, network: removed.data.name }) };
  },
};
