import { error, fail, redirect } from '@sveltejs/kit';
import { organisationKinds } from '@mutua/server/domain/organisations';
import type { CalendarFeed, Invitation, InvitationList, MemberList, OrganisationDetail } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import { bookingErrorMessage } from '$lib/server/lending';
import { changesFrom, editableFields } from './organisation-changes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.me) redirect(303, '/connexion?retour=/ma-structure');
  const { api } = locals;
  const structures = await Promise.all(
    locals.me.memberships.map(async (membership) => {
      const id = segment(membership.organisation.id);
      const active = membership.status === 'active';
      const manages = active && membership.role === 'manager';
      const [organisation, team, feed, invitations] = await Promise.all([
        api.get<OrganisationDetail>(`/api/organisations/${id}`),
        // The team is visible to active members only; a pending request sees none of it.
        active ? api.get<MemberList>(`/api/organisations/${id}/members`) : undefined,
        // So is the private calendar link (a 404 means there is none yet).
        active ? api.get<CalendarFeed>(`/api/organisations/${id}/calendar-feed`) : undefined,
        // The invitations still waiting: for managers only.
        manages ? api.get<InvitationList>(`/api/organisations/${id}/invitations`) : undefined,
      ]);
      if (!organisation.ok) error(organisation.status, describeApiError(translator(locals.lang), organisation.data));
      return {
        membership,
        organisation: organisation.data,
        members: team?.ok ? team.data.members : [],
        calendarFeed: feed?.ok ? feed.data : null,
        /** Whether the calendar section can be shown: an active member, and the API answered (a 404 is « no link yet »). */
        calendarAvailable: Boolean(feed && (feed.ok || feed.status === 404)),
        /** Null when the person may not invite (or the API did not answer): then no invitation form. */
        invitations: invitations?.ok ? invitations.data.invitations : null,
      };
    }),
  );
  return { structures, kinds: organisationKinds, myUserId: locals.me.user.id };
};

/** The hidden fields every team action carries. */
function teamTarget(form: FormData) {
  const { organisationId, userId, memberName } = textFields(form, ['organisationId', 'userId', 'memberName']);
  return {
    organisationId,
    memberName,
    url: `/api/organisations/${segment(organisationId)}/members/${segment(userId)}`,
  };
}

export const actions: Actions = {
  update: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const { organisationId } = textFields(form, ['organisationId']);
    const values = textFields(form, editableFields);
    const url = `/api/organisations/${segment(organisationId)}`;

    const current = await locals.api.get<OrganisationDetail>(url);
    if (!current.ok) return fail(current.status, { organisationId, values, errors: toFormErrors(t, current.data) });
    const changes = changesFrom(current.data, values);
    if (Object.keys(changes).length === 0) return { organisationId, notice: t('myOrganisation.unchanged') };

    const updated = await locals.api.patch<OrganisationDetail>(url, changes);
    if (!updated.ok) {
      const errors = toFormErrors(t, updated.data, { messageScope: 'organisation.', fieldOrder: editableFields });
      if (updated.data.error === 'organisation_exists') errors.fields.name = errors.message;
      return fail(updated.status, { organisationId, values, errors });
    }
    return { organisationId, notice: t('myOrganisation.saved') };
  },

  accept: async ({ request, locals }) => {
    const { organisationId, memberName, url } = teamTarget(await request.formData());
    return teamOutcome(locals, organisationId, await locals.api.post(`${url}/accept`), 'team.accepted', memberName);
  },

  decline: async ({ request, locals }) => {
    const { organisationId, memberName, url } = teamTarget(await request.formData());
    return teamOutcome(locals, organisationId, await locals.api.delete(url), 'team.declined', memberName);
  },

  remove: async ({ request, locals }) => {
    const { organisationId, memberName, url } = teamTarget(await request.formData());
    return teamOutcome(locals, organisationId, await locals.api.delete(url), 'team.removed', memberName);
  },

  createFeed: async ({ request, locals }) => calendarAction(locals, request, 'post', 'lending.calendar.created'),
  renewFeed: async ({ request, locals }) => calendarAction(locals, request, 'post', 'lending.calendar.renewed'),
  deleteFeed: async ({ request, locals }) => calendarAction(locals, request, 'delete', 'lending.calendar.disabled'),

  /** « Inviter une personne »: the API sends the email; the invitation waits in the list until accepted or cancelled. */
  invite: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['organisationId', 'email', 'role']);
    const role = values.role === 'manager' ? 'manager' : 'member';
    const invited = await locals.api.post<Invitation>(
      `/api/organisations/${segment(values.organisationId)}/invitations`,
      { email: values.email, role },
    );
    if (!invited.ok) {
      const errors = toFormErrors(t, invited.data, { fieldOrder: ['email', 'role'] });
      // Already in the team: about the address (the catalogue's « already_member » speaks to the person who joins).
      if (invited.data.error === 'already_member') errors.message = t('team.invite.alreadyMember');
      if (invited.status === 409) errors.fields.email = errors.message;
      return fail(invited.status, {
        organisationId: values.organisationId,
        invite: { email: values.email, role },
        inviteErrors: errors,
      });
    }
    return {
      organisationId: values.organisationId,
      inviteNotice: t('team.invite.sent', { email: invited.data.email }),
    };
  },

  cancelInvitation: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { organisationId, invitationId, email } = textFields(await request.formData(), [
      'organisationId',
      'invitationId',
      'email',
    ]);
    const cancelled = await locals.api.delete(
      `/api/organisations/${segment(organisationId)}/invitations/${segment(invitationId)}`,
    );
    if (!cancelled.ok)
      return fail(cancelled.status, { organisationId, inviteError: describeApiError(t, cancelled.data) });
    return { organisationId, inviteNotice: t('team.invite.cancelled', { email }) };
  },

  setRole: async ({ request, locals }) => {
    const form = await request.formData();
    const { organisationId, memberName, url } = teamTarget(form);
    const role = form.get('role') === 'manager' ? 'manager' : 'member';
    return teamOutcome(locals, organisationId, await locals.api.patch(url, { role }), 'team.roleChanged', memberName);
  },
};

/** The private calendar (iCal) link of a structure: create or renew it (POST), or turn it off (DELETE). */
async function calendarAction(
  locals: App.Locals,
  request: Request,
  method: 'post' | 'delete',
  success: 'lending.calendar.created' | 'lending.calendar.renewed' | 'lending.calendar.disabled',
) {
  const t = translator(locals.lang);
  const { organisationId } = textFields(await request.formData(), ['organisationId']);
  const url = `/api/organisations/${segment(organisationId)}/calendar-feed`;
  const result = method === 'post' ? await locals.api.post<CalendarFeed>(url) : await locals.api.delete(url);
  if (!result.ok) return fail(result.status, { organisationId, feedError: bookingErrorMessage(t, result.data) });
  return { organisationId, feedNotice: t(success) };
}

function teamOutcome(
  locals: App.Locals,
  organisationId: string,
  result: Awaited<ReturnType<App.Locals['api']['post']>>,
  success: 'team.accepted' | 'team.declined' | 'team.removed' | 'team.roleChanged',
  memberName: string,
) {
  const t = translator(locals.lang);
  if (!result.ok) return fail(result.status, { organisationId, teamError: describeApiError(t, result.data) });
  return { organisationId, teamNotice: t(success, { name: memberName }) };
}
