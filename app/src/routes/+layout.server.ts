import type { LayoutServerLoad } from './$types';
import type { UnreadCharters } from '@mutua/server/contract';

export const load: LayoutServerLoad = async ({ locals, url }) => {
  // Reading the URL re-runs this load on every navigation, so the bell's count stays current
  // (one COUNT on the API, in process); a form action's answer refreshes it too.
  void url.pathname;
  const [unread, charters] = locals.me ? await Promise.all([unreadCount(locals), unreadCharters(locals)]) : [null, []];
  return { lang: locals.lang, me: locals.me, unread, charters };
};

type UnreadCharter = UnreadCharters['charters'][number];

/** « La charte du réseau … a changé » : the new versions the person has not read yet. */
async function unreadCharters(locals: App.Locals): Promise<UnreadCharter[]> {
  const answer = await locals.api.get<UnreadCharters>('/api/me/charters');
  return answer.ok ? answer.data.charters : [];
}

async function unreadCount(locals: App.Locals): Promise<number | null> {
  const answer = await locals.api.get<{ unread: number }>('/api/notifications/unread');
  // No count is better than a wrong one: the bell then shows without a badge.
  return answer.ok ? answer.data.unread : null;
}
