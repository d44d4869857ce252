import { redirect } from '@sveltejs/kit';
import { endSession, hasSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.me !== null });

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    // The API deletes the server-side session, so a copied token stops working too.
    if (hasSession(cookies)) await locals.api.post<null>('/api/auth/logout');
    endSession(cookies, url);
    redirect(303, '/');
  },
};
