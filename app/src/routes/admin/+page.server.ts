import { error, fail, redirect } from '@sveltejs/kit';
import type { ApiError, OrganisationForReview } from '@mutua/server/contract';
import { translator, type Translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { reviewFilterOf, reviewFilters } from './review-filters';
import type { Actions, PageServerLoad } from './$types';

type ReviewList = { organisations: OrganisationForReview[] };
type SuspendedOrganisation = OrganisationForReview & { declinedRequests: number; openLoans: number };

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
    if (!reason)
      return fail(400, { organisationId, action: 'reject', reason, reasonError: t('moderation.reasonRequired') });
    const rejected = await locals.api.post<OrganisationForReview>(
      `/api/admin/organisations/${segment(organisationId)}/reject`,
      { reason },
    );
    if (!rejected.ok) return failWithField(t, rejected, { organisationId, action: 'reject', reason });
    return { notice: t('admin.rejected', { name: rejected.data.name }) };
  },

  suspend: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const { organisationId, reason } = textFields(form, ['organisationId', 'reason']);
    const confirmed = form.get('confirm') === 'oui';
    if (!reason || !confirmed)
      return fail(400, {
        organisationId,
        action: 'suspend',
        reason,
        reasonError: reason ? undefined : t('moderation.reasonRequired'),
        confirmError: confirmed ? undefined : t('moderation.confirmRequired'),
      });
    const suspended = await locals.api.post<SuspendedOrganisation>(
      `/api/admin/organisations/${segment(organisationId)}/suspend`,
      { reason },
    );
    if (!suspended.ok) return failWithField(t, suspended, { organisationId, action: 'suspend', reason });
    const { name, declinedRequests, openLoans } = suspended.data;
    return { notice: t('moderation.suspended', { name, declined: declinedRequests, open: openLoans }) };
  },

  reinstate: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { organisationId } = textFields(await request.formData(), ['organisationId']);
    const reinstated = await locals.api.post<OrganisationForReview>(
      `/api/admin/organisations/${segment(organisationId)}/reinstate`,
    );
    if (!reinstated.ok)
      return fail(reinstated.status, { organisationId, failure: describeApiError(t, reinstated.data) });
    return { notice: t('moderation.reinstated', { name: reinstated.data.name }) };
  },

  reopen: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { organisationId } = textFields(await request.formData(), ['organisationId']);
    const reopened = await locals.api.post<OrganisationForReview>(
      `/api/admin/organisations/${segment(organisationId)}/reopen`,
    );
    if (!reopened.ok) return fail(reopened.status, { organisationId, failure: describeApiError(t, reopened.data) });
    return { notice: t('moderation.reopened', { name: reopened.data.name }) };
  },

  requestChanges: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { organisationId, message } = textFields(await request.formData(), ['organisationId', 'message']);
    if (!message)
      return fail(400, {
        organisationId,
        action: 'requestChanges',
        message,
        messageError: t('moderation.messageRequired'),
      });
    const asked = await locals.api.post<OrganisationForReview>(
      `/api/admin/organisations/${segment(organisationId)}/request-changes`,
      { message },
    );
    if (!asked.ok) {
      const errors = toFormErrors(t, asked.data);
      return fail(asked.status, {
        organisationId,
        action: 'requestChanges',
        message,
        failure: errors.message,
        messageError: errors.fields.message,
      });
    }
    return { notice: t('moderation.changesRequested', { name: asked.data.name }) };
  },
};

/** A refusal or a suspension the API turned down: what was typed stays, with the reason's error beside it. */
function failWithField(
  t: Translator,
  response: { status: number; data: ApiError },
  kept: { organisationId: string; action: 'reject' | 'suspend'; reason: string },
) {
  const errors = toFormErrors(t, response.data);
  return fail(response.status, { ...kept, failure: errors.message, reasonError: errors.fields.reason });
}
