import { error } from '@sveltejs/kit';
import type { PersonalDataExport } from '@mutua/server/contract';
import { requireMe } from '$lib/server/acting-for';
import { segment } from '$lib/server/api';
import type { RequestHandler } from './$types';

/**
 * « Exporter ses données » on a person's request: the API's export of that person, handed to the
 * admin as a file. The API checks that the person belongs to the admin's networks and records the
 * export in the audit log, with the admin as the one who asked.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  requireMe(locals, url);
  const exported = await locals.api.get<PersonalDataExport>(`/api/admin/users/${segment(params.id)}/export`);
  if (!exported.ok) error(exported.status, exported.data.message);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(exported.data.exportedAt));
  return new Response(JSON.stringify(exported.data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="mutua-donnees-${params.id}-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
};
