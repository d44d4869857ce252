import type { AdminEmail } from '@mutua/server/contract';
import { segment } from '$lib/server/api';
import { emailPreviewResponse, noPreview } from '$lib/server/email-preview';
import type { RequestHandler } from './$types';

/** The HTML of one email, for the sandboxed frame of its page (the API checks that the reader is an admin of its network). */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (!locals.me) return noPreview(404);
  const email = await locals.api.get<AdminEmail>(`/api/admin/emails/${segment(params.id)}`);
  if (!email.ok) return noPreview(email.status === 403 ? 403 : 404);
  if (!email.data.html) return noPreview(404);
  return emailPreviewResponse(email.data.html);
};
