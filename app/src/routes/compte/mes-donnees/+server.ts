import { error } from '@sveltejs/kit';
import type { PersonalDataExport } from '@mutua/server/contract';
import { requireMe } from '$lib/server/acting-for';
import type { RequestHandler } from './$types';

/**
 * « Télécharger mes données (JSON) »: the API's export, handed to the browser as a file. The
 * API records the export in the audit log.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireMe(locals, url);
  const exported = await locals.api.get<PersonalDataExport>('/api/me/export');
  if (!exported.ok) error(exported.status, exported.data.message);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(exported.data.exportedAt));
  return new Response(JSON.stringify(exported.data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="mutua-mes-donnees-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
};
