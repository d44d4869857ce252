import { redirect } from '@sveltejs/kit';
import type { Me, Membership } from '@mutua/server/contract';

/** Sends someone signed out to the sign-in page, and back here afterwards. */
export function requireMe(locals: App.Locals, url: URL): Me {
  if (!locals.me) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  return locals.me;
}

/** The structures a person acts for: active memberships only (a pending request acts for none). */
export function actingMemberships(me: Me): Membership[] {
  return me.memberships.filter((membership) => membership.status === 'active');
}

/** The structure picked by `?structure=<id>`, else the first one the person acts for. */
export function chosenMembership(me: Me, structureId: string | null): Membership | undefined {
  const memberships = actingMemberships(me);
  return memberships.find((membership) => membership.organisation.id === structureId) ?? memberships[0];
}

/** The networks the signed-in person administers (their admin pages show one at a time). */
export function administeredNetworks(locals: App.Locals) {
  return (locals.me?.networkRoles ?? []).filter((role) => role.role === 'admin').map((role) => role.network);
}
