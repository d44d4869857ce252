import { error, fail, redirect } from '@sveltejs/kit';
import type { OrganisationForReview } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { reviewFilterOf, reviewFilters } from './review-filters';
import type { Actions, PageServerLoad } from './$types';

type ReviewList = { organisations: OrganisationForReview[] };

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.me) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  const t = translator(locals.lang);
  const filter = reviewFilterOf(url.searchParams.get('statut'));
  const status = reviewFilters[filter];
  const [list, pending] = await Promise.all([
    locals.api.get<ReviewList>(`/api/admin/organisations?status=${status}`),
    // The "En attente" tab always shows how many wait, whichever tab is open.
    status === 'pending' ? undefined : locals.api.get<ReviewList>('/api/admin/organisations?status=pending'),
  ]);
  if (!list.ok) error(list.status, list.status === 403 ? t('admin.forbidden') : describeApiError(t, list.data));
  const organisations = list.data.organisations;
  return {
    filter,
    status,
    organisations,
    pendingCount: pending?.ok ? pending.data.organisations.length : status === 'pending' ? organisations.length : null,
  };
};

export const actions: Actions = {
  approve: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { organisationId } = textFields(await request.formData(), ['organisationId']);
    const approved = await locals.api.post<OrganisationForReview>(
      `/api/admin/organisations/${segment(organisationId)}/approve`,
    );
    if (!approved.ok) return fail(approved.status, { organisationId, failure: describeApiError(t, approved.data) });
    return { notice: t('admin.approved', { name: approved.data.name }) };
  },

  reject: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { organisationId, reason } = textFields(await request.formData(), ['organisationId', 'reason']);
    const rejected = await locals.api.post<OrganisationForReview>(
      `/api/admin/organisations/${segment(organisationId)}/reject`,
      reason ? { reason } : {},
    );
    if (!rejected.ok) {
      const errors = toFormErrors(t, rejected.data);
      return fail(rejected.status, {
        organisationId,
        reason,
        failure: errors.message,
        reasonError: errors.fields.reason,
      });
    }
    return { notice: t('admin.rejected', { name: rejected.data.name }) };
  },
};
