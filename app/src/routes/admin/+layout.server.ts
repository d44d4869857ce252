import type { InboxCounts } from '@mutua/server/contract';
import type { LayoutServerLoad } from './$types';

/** The administration's navigation: what waits, for someone who staffs a network. */
export const load: LayoutServerLoad = async ({ locals }) => {
  const roles = locals.me?.networkRoles ?? [];
  const isNetworkAdmin = roles.some((role) => role.role === 'admin');
  if (roles.length === 0) return { inboxCounts: null, isNetworkAdmin };
  const counts = await locals.api.get<InboxCounts>('/api/admin/inbox/counts');
  return { inboxCounts: counts.ok ? counts.data : null, isNetworkAdmin };
};
