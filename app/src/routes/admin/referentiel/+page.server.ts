import { error, fail } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import { administeredNetworks, requireMe } from '$lib/server/acting-for';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import type { Actions, PageServerLoad } from './$types';
import type { AdminCategory, NetworkTerritories } from '@mutua/server/contract';

type TerritoryList = { territories: Array<{ code: string; name: string; region: string }> };

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const networks = administeredNetworks(locals);
  if (networks.length === 0) error(403, t('admin.forbidden'));
  const network = networks.find((n) => n.id === url.searchParams.get('reseau')) ?? networks[0]!;
  const [categories, known, chosen] = await Promise.all([
    locals.api.get<{ categories: AdminCategory[] }>('/api/admin/categories'),
    locals.api.get<TerritoryList>('/api/territories'),
    locals.api.get<NetworkTerritories>(`/api/admin/networks/${network.id}/territories`),
  ]);
  if (!categories.ok) error(categories.status, describeApiError(t, categories.data));
  if (!chosen.ok) error(chosen.status, describeApiError(t, chosen.data));
  return {
    networks,
    network,
    categories: categories.data.categories,
    territories: known.ok ? known.data.territories.map(({ code, name }) => ({ code, name })) : [],
    codes: chosen.data.codes,
  };
};

const positionOf = (value: string) => (value === '' ? undefined : Number(value));

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['id', 'parentId', 'nameFr', 'nameEn', 'position']);
    const created = await locals.api.post<AdminCategory>('/api/admin/categories', {
      id: values.id,
      parentId: values.parentId || null,
      nameFr: values.nameFr,
      nameEn: values.nameEn,
      ...(values.position ? { position: positionOf(values.position) } : {}),
    });
    if (!created.ok) return fail(created.status, { create: { values, errors: toFormErrors(t, created.data) } });
    return { done: t('charters.reference.created', { name: created.data.nameFr }) };
  },
  save: async ({ locals, request }) => {
    const t = translator(locals.lang);
    const values = textFields(await request.formData(), ['id', 'nameFr', 'nameEn', 'position']);
    const saved = await locals.api.patch<AdminCategory>(`/api/admin/categories/${encodeURIComponent(values.id)}`, {
      nameFr: values.nameFr,
      nameEn: values.nameEn,
      position: positionOf(values.position),
    });
    if (!saved.ok) return fail(saved.status, { row: { id: values.id, errors: toFormErrors(t, saved.data) } });
    return { done: t('charters.reference.saved', { name: saved.data.nameFr }) };
  },
  delete: async ({ locals, request }) => {
    const t = translator(locals.lang);
    const id = String((await request.formData()).get('id') ?? '');
    const deleted = await locals.api.delete(`/api/admin/categories/${encodeURIComponent(id)}`);
    if (!deleted.ok) return fail(deleted.status, { row: { id, errors: toFormErrors(t, deleted.data) } });
    return { done: t('charters.reference.deleted') };
  },
  territories: async ({ locals, request }) => {
    const t = translator(locals.lang);
    const form = await request.formData();
    const networkId = String(form.get('networkId') ?? '');
    const codes = form.getAll('codes').map(String);
    const saved = await locals.api.put<NetworkTerritories>(`/api/admin/networks/${networkId}/territories`, { codes });
    if (!saved.ok) return fail(saved.status, { territoriesError: describeApiError(t, saved.data) });
    return { done: t('charters.reference.territoriesSaved') };
  },
};
