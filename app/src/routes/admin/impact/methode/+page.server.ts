import { error, fail } from '@sveltejs/kit';
import { translator, type Translator } from '$lib/i18n';
import { administeredNetworks, requireMe } from '$lib/server/acting-for';
import { describeApiError, textFields, toFormErrors } from '$lib/server/form-errors';
import type { ApiError } from '@mutua/server/contract';
import type { ImpactFactor, ImpactMethod } from '../impact-types';
import type { Actions, PageServerLoad } from './$types';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const networks = administeredNetworks(locals);
  if (networks.length === 0) error(403, t('admin.forbidden'));
  const asked = url.searchParams.get('reseau') ?? '';
  const networkId = networks.some((network) => network.id === asked) ? asked : networks[0]!.id;
  const method = await locals.api.get<ImpactMethod>(`/api/admin/impact/method?networkId=${networkId}`);
  if (!method.ok) error(method.status, method.status === 403 ? t('admin.forbidden') : describeApiError(t, method.data));
  return { networks, method: method.data };
};

/** A French decimal as typed (« 18,6 ») or with a point. */
function numberOf(text: string): number | null {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : null;
}

function refused(t: Translator, status: number, data: ApiError, values: Record<string, unknown>) {
  const errors = toFormErrors(t, data);
  return fail(status, { ...values, failure: errors.message, errors: errors.fields });
}

export const actions: Actions = {
  rate: async ({ request, locals }) => {
    const t = translator(locals.lang);
    const { networkId, substitutionRatePercent } = textFields(await request.formData(), [
      'networkId',
      'substitutionRatePercent',
    ]);
    const rate = /^\d{1,3}$/.test(substitutionRatePercent) ? Number(substitutionRatePercent) : null;
    if (rate === null || rate > 100 || !uuidPattern.test(networkId))
      return fail(400, {
        action: 'rate',
        substitutionRatePercent,
        errors: { substitutionRatePercent: t('impact.method.rateRequired') },
      });
    const saved = await locals.api.patch<ImpactMethod>('/api/admin/impact/method', {
      networkId,
      substitutionRatePercent: rate,
    });
    if (!saved.ok) return refused(t, saved.status, saved.data, { action: 'rate', substitutionRatePercent });
    return { action: 'rate', notice: t('impact.method.rateSaved', { percent: saved.data.substitutionRatePercent }) };
  },

  factor: async (event) => {
    const t = translator(event.locals.lang);
    const form = await event.request.formData();
    const { networkId, categoryId, kgCo2ePerItem, source } = textFields(form, [
      'networkId',
      'categoryId',
      'kgCo2ePerItem',
      'source',
    ]);
    const estimated = form.get('estimated') === 'oui';
    const values = { action: 'factor', categoryId, kgCo2ePerItem, source, estimated };
    const kg = numberOf(kgCo2ePerItem);
    const errors: Record<string, string> = {};
    if (kg === null) errors.kgCo2ePerItem = t('impact.method.kgRequired');
    if (!source) errors.source = t('impact.method.sourceRequired');
    if (Object.keys(errors).length > 0 || !uuidPattern.test(networkId)) return fail(400, { ...values, errors });
    const saved = await event.locals.api.put<ImpactFactor>('/api/admin/impact/factors', {
      networkId,
      categoryId,
      kgCo2ePerItem: kg,
      source,
      estimated,
    });
    if (!saved.ok) return refused(t, saved.status, saved.data, values);
    const name = event.locals.lang === 'fr' ? saved.data.category.nameFr : saved.data.category.nameEn;
    return { action: 'factor', categoryId, notice: t('impact.method.factorSaved', { category: name }) };
  },
};
