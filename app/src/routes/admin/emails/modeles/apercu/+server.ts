import type { EmailTemplateList } from '@mutua/server/contract';
import { isLocale } from '$lib/i18n';
import { emailPreviewResponse, noPreview } from '$lib/server/email-preview';
import type { RequestHandler } from './$types';

/** `?modele=<kind>&langue=fr|en`: one template's HTML, for the sandboxed frame of the templates page. */
export const GET: RequestHandler = async ({ locals, url }) => {
  if (!locals.me) return noPreview(404);
  const templates = await locals.api.get<EmailTemplateList>('/api/admin/email-templates');
  if (!templates.ok) return noPreview(templates.status === 403 ? 403 : 404);
  const template = templates.data.templates.find((candidate) => candidate.kind === url.searchParams.get('modele'));
  const lang = url.searchParams.get('langue');
  if (!template || !isLocale(lang)) return noPreview(404);
  return emailPreviewResponse(template[lang].html);
};
