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

/** A change of a structure's standing that needs no text: approve, reinstate, reopen. */
async function standingChange(
  request: Request,
  locals: App.Locals,
  verb: 'approve' | 'reinstate' | 'reopen',
  notice: 'admin.approved' | 'moderation.reinstated' | 'moderation.reopened',
) {
  const t = translator(locals.lang);
  const { organisationId } = textFields(await request.formData(), ['organisationId']);
  const changed = await locals.api.post<OrganisationForReview>(
    `/api/admin/organisations/${segment(organisationId)}/${verb}`,
  );
  if (!changed.ok) return fail(changed.status, { organisationId, failure: describeApiError(t, changed.data) });
  return { notice: t(notice, { name: changed.data.name }) };
}

export const actions: Actions = {
  approve: ({ request, locals }) => standingChange(request, locals, 'approve', 'admin.approved'),

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

  reinstate: ({ request, locals }) => standingChange(request, locals, 'reinstate', 'moderation.reinstated'),

  reopen: ({ request, locals }) => standingChange(request, locals, 'reopen', 'moderation.reopened'),

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
