import { fail } from '@sveltejs/kit';
import type { Booking, EmailAction } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { textFields } from '$lib/server/form-errors';
import { bookingErrorMessage, lendingFormErrors } from '$lib/server/lending';
import { linkProblemOf } from '$lib/server/links';
import type { Actions, PageServerLoad } from './$types';

async function readAction(locals: App.Locals, token: string) {
  const action = await locals.api.get<EmailAction>(`/api/email-actions/${segment(token)}`);
  if (action.ok) return { action: action.data, problem: null, failure: null };
  const problem = linkProblemOf(action.status, action.data);
  return { action: null, problem, failure: problem ? null : bookingErrorMessage(translator(locals.lang), action.data) };
}

/**
 * « Accepter » / « Refuser » from a new-request email: the link is the lender's own, no sign-in
 * needed. GET shows the request and a confirm button (mail scanners open links); POST answers it.
 */
export const load: PageServerLoad = async ({ locals, params }) => readAction(locals, params.token);

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const { text } = textFields(await request.formData(), ['text']);
    // Read again: which answer the link gives, and the booking to link to should it have moved on.
    const read = await readAction(locals, params.token);
    if (!read.action)
      return read.problem ? fail(400, { text, problem: read.problem }) : fail(500, { text, failure: read.failure });
    const { action, booking } = read.action;
    const body = text ? (action === 'accept' ? { message: text } : { reason: text }) : {};
    const answered = await locals.api.post<Booking>(`/api/email-actions/${segment(params.token)}`, body);
    if (answered.ok) return { done: action, booking: answered.data };
    const problem = linkProblemOf(answered.status, answered.data);
    if (problem && answered.data.error !== 'validation_failed') return fail(answered.status, { text, problem });
    // Someone was faster, or the request moved on: the API says what happened; the booking's page says where it stands.
    if (answered.status === 409)
      return fail(409, { text, moved: bookingErrorMessage(t, answered.data), bookingId: booking.id });
    const errors = lendingFormErrors(t, answered.data);
    return fail(answered.status, { text, failure: errors.fields.message ?? errors.fields.reason ?? errors.message });
  },
};
