import { fail, redirect } from '@sveltejs/kit';
import { passwordMinLength } from '@mutua/server/domain/accounts';
import { organisationKinds } from '@mutua/server/domain/organisations';
import type { OrganisationPage } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { textFields, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';
import type { NetworkCharterList } from '@mutua/server/contract';

/** Input names are the API's field names, so that its errors land next to the right input. */
const fieldNames = [
  'name',
  'email',
  'choice',
  'organisation.name',
  'organisation.kind',
  'organisation.city',
  'organisation.postcode',
  'joinOrganisationId',
] as const;

/** Errors the API reports without a field, but which are about one. */
const fieldOfError: Record<string, string> = {
  organisation_exists: 'organisation.name',
  not_found: 'joinOrganisationId',
};

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.me) redirect(303, '/ma-structure');
  // The select lists the first 100 structures, by name; the API pages beyond that.
  const [directory, networks] = await Promise.all([
    locals.api.get<OrganisationPage>('/api/organisations?limit=100'),
    locals.api.get<NetworkCharterList>('/api/charters'),
  ]);
  return {
    // Each network a new structure may join, with the charter it accepts to join it.
    networks: networks.ok ? networks.data.networks : [],
    kinds: organisationKinds,
    passwordMinLength,
    joinable: directory.ok ? directory.data.organisations.map(({ id, name, city }) => ({ id, name, city })) : [],
  };
};

export const actions: Actions = {
  /**
   * `POST /api/auth/register` answers « vérifiez vos e-mails » (202, no session) whether the
   * address already had an account or not: the page says the same, and the person signs in next.
   */
  default: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    // The password is not among them: never sent back to the page, it is typed again after an error.
    const values = textFields(form, fieldNames);
    const choice = values.choice === 'join' ? 'join' : 'create';
    values.choice = choice;

    // The networks ticked, each with the charter version whose box was ticked (« J'ai lu et j'accepte »).
    const chosen = form.getAll('networks').map(String);
    const networkChoices = chosen.map((networkId) => {
      const accepted = Number(form.get(`charter.${networkId}`));
      return { networkId, ...(Number.isInteger(accepted) && accepted > 0 ? { charterVersion: accepted } : {}) };
    });
    const networkValues = Object.fromEntries(
      networkChoices.flatMap((choice) => [
        [`network.${choice.networkId}`, 'on'],
        ...(choice.charterVersion ? [[`charter.${choice.networkId}`, String(choice.charterVersion)]] : []),
      ]),
    );

    const registered = await locals.api.post<{ sent: boolean }>('/api/auth/register', {
      name: values.name,
      email: values.email,
      password: String(form.get('password') ?? ''),
      // The emails the account gets follow the language it signed up in.
      locale: locals.lang,
      ...(choice === 'create'
        ? {
            organisation: {
              name: values['organisation.name'],
              kind: values['organisation.kind'],
              city: values['organisation.city'],
              postcode: values['organisation.postcode'],
            },
            ...(networkChoices.length > 0 ? { networks: networkChoices } : {}),
          }
        : values.joinOrganisationId
          ? { joinOrganisationId: values.joinOrganisationId }
          : {}),
    });
    if (registered.ok) return { sent: { email: values.email } };
    const submitted = { ...values, ...networkValues };

    const errors = toFormErrors(t, registered.data, {
      params: { min: passwordMinLength },
      fieldOrder: ['name', 'email', 'password', ...fieldNames],
    });
    const field = fieldOfError[registered.data.error];
    if (field) errors.fields[field] = field === 'joinOrganisationId' ? t('register.joinNotFound') : errors.message;
    if (choice === 'join' && !values.joinOrganisationId) {
      // The API only says "neither a new structure nor one to join"; the form knows which one is missing.
      delete errors.fields.organisation;
      errors.fields.joinOrganisationId = t('register.joinRequired');
      errors.message = t('errors.validation_failed');
    }
    if (choice === 'create') charterErrors(t, registered.data, networkChoices, errors.fields);
    return fail(registered.status, { values: submitted, errors });
  },
};

/**
 * The API names the networks by their place in `networks` (`networks.0.charterVersion`); the
 * form shows each network's error next to its charter (`charter.<id>`). A charter that changed
 * meanwhile is said so: the page shows its new version, to read and accept again.
 */
function charterErrors(
  t: ReturnType<typeof translator>,
  error: { error: string },
  choices: Array<{ networkId: string }>,
  fields: Record<string, string>,
) {
  for (const path of Object.keys(fields)) {
    const match = /^networks\.(\d+)\./.exec(path);
    const networkId = match ? choices[Number(match[1])]?.networkId : undefined;
    if (!networkId) continue;
    delete fields[path];
    fields[`charter.${networkId}`] = t(
      error.error === 'charter_version_mismatch' ? 'charters.register.stale' : 'charters.register.acceptRequired',
    );
  }
  if (fields.networks)
    fields.networks = t(
      choices.length === 0 ? 'charters.register.networkRequired' : 'charters.register.acceptRequired',
    );
  if (fields['organisation.networkId']) {
    fields.networks = t('charters.register.networkRequired');
    delete fields['organisation.networkId'];
  }
}
