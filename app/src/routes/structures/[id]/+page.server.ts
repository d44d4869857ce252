import { error } from '@sveltejs/kit';
import type { OrganisationDetail } from '$lib/api-types';
import { translator } from '$lib/i18n';
import { segment } from '$lib/server/api';
import { describeApiError } from '$lib/server/form-errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const organisation = await locals.api.get<OrganisationDetail>(`/api/organisations/${segment(params.id)}`);
  if (!organisation.ok) {
    // A malformed id is a page that does not exist, not a bad request.
    const status = organisation.status === 400 ? 404 : organisation.status;
    error(status, describeApiError(translator(locals.lang), organisation.data));
  }
  return { organisation: organisation.data };
};
