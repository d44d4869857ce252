import { fail, redirect } from '@sveltejs/kit';
import { serviceDomains } from '@mutua/server/domain/catalogue';
import type { OrganisationDetail, ServiceDetail } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { chosenMembership, requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import { textFields } from '$lib/server/form-errors';
import { listingFormErrors } from '$lib/server/lending';
import {
  newServiceValues,
  serviceCreateBody,
  serviceFormFields,
  serviceFormValues,
  serviceInput,
} from '$lib/catalogue/service-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const me = requireMe(locals, url);
  const membership = chosenMembership(me, url.searchParams.get('structure'));
  if (!membership) redirect(303, '/inventaire');
  const organisation = await locals.api.get<OrganisationDetail>(
    `/api/organisations/${segment(membership.organisation.id)}`,
  );
  return {
    organisation: membership.organisation,
    canPublish: membership.organisation.status === 'active',
    defaultPlace: organisation.ok ? `${organisation.data.postcode} ${organisation.data.city}` : undefined,
    domains: serviceDomains,
    values: newServiceValues(),
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const values = serviceFormValues(form);
    const { organisationId, status } = textFields(form, ['organisationId', 'status']);
    const options = { messageScope: 'service.', fieldOrder: serviceFormFields } as const;
    const { input, errors } = serviceInput(values);
    if (errors.length > 0)
      return fail(400, {
        values,
        errors: listingFormErrors(t, { error: 'validation_failed', message: '', details: errors }, options),
      });
    const created = await locals.api.post<ServiceDetail>('/api/services', {
      ...serviceCreateBody(input),
      ...(organisationId ? { organisationId } : {}),
      status: status === 'draft' ? 'draft' : 'published',
    });
    if (!created.ok) return fail(created.status, { values, errors: listingFormErrors(t, created.data, options) });
    redirect(303, `/inventaire/services/${created.data.id}?cree=${created.data.status}`);
  },
};
