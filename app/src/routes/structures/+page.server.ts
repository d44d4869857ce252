import { organisationKinds } from '@mutua/server/domain/organisations';
import type { ApiError, OrganisationKind, OrganisationPage } from '@mutua/server/contract';
import { type Translator, translator } from '$lib/i18n';
import { describeApiError } from '$lib/server/form-errors';
import type { PageServerLoad } from './$types';

/** The départements of Hauts-de-France, the territories the networks cover. */
const territories = ['02', '59', '60', '62', '80'] as const;
const pageSize = 24;

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const territory = territories.find((code) => code === url.searchParams.get('territoire')) ?? '';
  const kind = organisationKinds.find((name) => name === url.searchParams.get('type')) ?? '';
  const cursor = url.searchParams.get('apres') ?? '';

  const query = new URLSearchParams({ limit: String(pageSize) });
  if (q) query.set('q', q);
  if (territory) query.set('territory', territory);
  if (kind) query.set('kind', kind);
  if (cursor) query.set('cursor', cursor);
  const page = await locals.api.get<OrganisationPage>(`/api/organisations?${query}`);

  const search = { q, territoire: territory, type: kind as OrganisationKind | '' };
  return {
    search,
    territories,
    kinds: organisationKinds,
    isFirstPage: !cursor,
    organisations: page.ok ? page.data.organisations : [],
    nextPage: page.ok && page.data.nextCursor ? `?${withCursor(search, page.data.nextCursor)}` : null,
    failure: page.ok ? null : failureOf(translator(locals.lang), page.status, page.data),
  };
};

/** A 400 here comes from a stale or edited "Voir plus" link (the cursor), not from something typed. */
function failureOf(t: Translator, status: number, error: ApiError): string {
  return status === 400 ? t('directory.staleLink') : describeApiError(t, error);
}

function withCursor(search: Record<string, string>, cursor: string): URLSearchParams {
  const params = new URLSearchParams(Object.entries(search).filter(([, value]) => value !== ''));
  params.set('apres', cursor);
  return params;
}
