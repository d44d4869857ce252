import { error } from '@sveltejs/kit';
import type { EmailTemplateList } from '@mutua/server/contract';
import { isLocale, translator } from '$lib/i18n';
import { requireMe } from '$lib/server/acting-for';
import { describeApiError } from '$lib/server/form-errors';
import type { PageServerLoad } from './$types';

/** `?modele=<kind>&langue=fr|en`: the template shown, the first one by default, in the reader's language by default. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireMe(locals, url);
  const t = translator(locals.lang);
  const templates = await locals.api.get<EmailTemplateList>('/api/admin/email-templates');
  if (!templates.ok)
    error(templates.status, templates.status === 403 ? t('admin.forbidden') : describeApiError(t, templates.data));
  const kinds = templates.data.templates.map((template) => template.kind);
  const wanted = url.searchParams.get('modele');
  const chosen =
    templates.data.templates.find((template) => template.kind === wanted) ?? templates.data.templates[0] ?? null;
  const language = url.searchParams.get('langue');
  const lang = isLocale(language) ? language : locals.lang;
  return { kinds, chosen: chosen ? { kind: chosen.kind, lang, email: chosen[lang] } : null };
};
