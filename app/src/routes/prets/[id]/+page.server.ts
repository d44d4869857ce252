import { error, fail } from '@sveltejs/kit';
import type { BookingDetail, BookingMessage } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { textFields } from '$lib/server/form-errors';
import { bookingErrorMessage, bookingFormActions, lendingFormErrors } from '$lib/server/lending';
import { fileReport } from '$lib/reports/report-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const id = segment(params.id);
  const [booking, messages] = await Promise.all([
    locals.api.get<BookingDetail>(`/api/bookings/${id}`),
    locals.api.get<BookingMessage[] | { items: BookingMessage[] }>(`/api/bookings/${id}/messages`),
  ]);
  if (!booking.ok) {
    // A malformed id, or a booking of other structures: a page that does not exist for this person.
    if (booking.status === 400 || booking.status === 404) error(404, t('lending.errors.not_found'));
    error(booking.status, bookingErrorMessage(t, booking.data));
  }
  return {
    booking: booking.data,
    messages: messages.ok ? (Array.isArray(messages.data) ? messages.data : messages.data.items) : null,
  };
};

export const actions: Actions = {
  /** « Signaler » a message (ReportDialog). */
  report: fileReport,

  ...bookingFormActions(),

  message: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const { body } = textFields(await request.formData(), ['body']);
    if (!body) return fail(400, { messageBody: body, messageError: t('lending.validation.body.required') });
    const sent = await locals.api.post<BookingMessage>(`/api/bookings/${segment(params.id)}/messages`, { body });
    if (!sent.ok) {
      const errors = lendingFormErrors(t, sent.data);
      return fail(sent.status, { messageBody: body, messageError: errors.fields.body ?? errors.message });
    }
    return { messageNotice: t('lending.messages.sent') };
  },
};
