import { fail, type RequestEvent } from '@sveltejs/kit';
import type { BookingDetail } from '@mutua/server/contract';
import { bookingTitle, otherParty } from '$lib/bookings/booking-labels';
import { translator } from '$lib/i18n';
import { segment } from './api';
import { textFields } from './form-errors';
import { actionFields, lendingFormErrors, type PageBookingAction, transitionBody } from './lending-errors';

export { bookingErrorMessage, lendingFormErrors, listingFormErrors, validationError } from './lending-errors';

/**
 * Applies one action to one booking: `POST /api/bookings/:id/<action>`. Answers what the page
 * shows: a notice naming the booking, or the API's error next to the form (what was typed stays).
 */
export async function applyBookingAction(
  locals: App.Locals,
  bookingId: string,
  action: PageBookingAction,
  form: FormData,
) {
  const t = translator(locals.lang);
  const values = textFields(form, actionFields[action]);
  const done = await locals.api.post<BookingDetail>(
    `/api/bookings/${segment(bookingId)}/${action}`,
    transitionBody(action, values),
  );
  if (!done.ok) {
    const errors = lendingFormErrors(t, done.data);
    return fail(done.status, { bookingId, action, values: values as Record<string, string>, errors });
  }
  const notice = t(`lending.notices.${action}`, {
    title: bookingTitle(t, done.data),
    organisation: otherParty(done.data).name,
  });
  return { bookingId, action, notice };
}

/**
 * The form actions of a page that shows bookings: one per action, the booking named by the
 * page (`/prets/[id]`) or by a hidden `bookingId` (the dashboard).
 */
export function bookingFormActions() {
  const run = (action: PageBookingAction) => async (event: RequestEvent) => {
    const form = await event.request.formData();
    const bookingId = event.params.id ?? String(form.get('bookingId') ?? '');
    return applyBookingAction(event.locals, bookingId, action, form);
  };
  return {
    accept: run('accept'),
    decline: run('decline'),
    cancel: run('cancel'),
    pickup: run('pickup'),
    return: run('return'),
    done: run('done'),
    close: run('close'),
  };
}
