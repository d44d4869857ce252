import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
  // Reading the URL re-runs this load on every navigation, so the bell's count stays current
  // (one COUNT on the API, in process); a form action's answer refreshes it too.
  void url.pathname;
  return { lang: locals.lang, me: locals.me, unread: locals.me ? await unreadCount(locals) : null };
};

async function unreadCount(locals: App.Locals): Promise<number | null> {
  const answer = await locals.api.get<{ unread: number }>('/api/notifications/unread');
  // No count is better than a wrong one: the bell then shows without a badge.
  return answer.ok ? answer.data.unread : null;
}
