import { error, fail } from '@sveltejs/kit';
import { serviceDomains } from '@mutua/server/domain/catalogue';
import type { ServiceDetail } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { describeApiError } from '$lib/server/form-errors';
import { listingFormErrors } from '$lib/server/lending';
import { listingEditActions, photoTypes } from '$lib/server/listings';
import {
  serviceFormFields,
  serviceFormValues,
  serviceInput,
  servicePatchBody,
  serviceValues,
} from '$lib/catalogue/service-form';
import type { Actions, PageServerLoad } from './$types';

async function editableService(locals: App.Locals, id: string): Promise<ServiceDetail> {
  const service = await locals.api.get<ServiceDetail>(`/api/services/${segment(id)}`);
  const t = translator(locals.lang);
  if (!service.ok) error(service.status === 400 ? 404 : service.status, describeApiError(t, service.data));
  if (!service.data.viewer.canEdit) error(404, t('error.notFoundText'));
  return service.data;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireMe(locals, url);
  const service = await editableService(locals, params.id);
  return {
    service,
    values: serviceValues(service, locals.lang),
    domains: serviceDomains,
    photoTypes,
    arrival: url.searchParams.has('cree') ? ('created' as const) : null,
  };
};

export const actions: Actions = {
  save: async ({ request, locals, params }) => {
    const t = translator(locals.lang);
    const values = serviceFormValues(await request.formData());
    const options = { messageScope: 'service.', fieldOrder: serviceFormFields } as const;
    const { input, errors } = serviceInput(values);
    if (errors.length > 0)
      return fail(400, {
        values,
        errors: listingFormErrors(t, { error: 'validation_failed', message: '', details: errors }, options),
      });
    const current = await editableService(locals, params.id);
    const changes = servicePatchBody(current, locals.lang, input);
    if (Object.keys(changes).length === 0) return { saveNotice: t('myOrganisation.unchanged') };
    const updated = await locals.api.patch<ServiceDetail>(`/api/services/${segment(params.id)}`, changes);
    if (!updated.ok) return fail(updated.status, { values, errors: listingFormErrors(t, updated.data, options) });
    return { saveNotice: t('myOrganisation.saved') };
  },
  ...listingEditActions('service'),
};
