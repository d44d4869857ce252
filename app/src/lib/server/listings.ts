import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { LenderStatus, OrganisationDetail, Photo } from '@mutua/server/contract';
import { translator } from '$lib/i18n';
import { segment } from './api';
import { describeApiError } from './form-errors';

/** Loads one item or service for its page; an unknown or malformed id is a page that does not exist. */
export async function loadListing<T extends { organisation: { id: string } }>(
  locals: App.Locals,
  path: '/api/items' | '/api/services',
  id: string,
) {
  const listing = await locals.api.get<T>(`${path}/${segment(id)}`);
  if (!listing.ok) {
    const status = listing.status === 400 ? 404 : listing.status;
    error(status, describeApiError(translator(locals.lang), listing.data));
  }
  // The lender's page gives its contact details to signed-in people; without it the listing still shows.
  const organisation = await locals.api.get<OrganisationDetail>(
    `/api/organisations/${segment(listing.data.organisation.id)}`,
  );
  return { listing: listing.data, organisation: organisation.ok ? organisation.data : null };
}

export type ListingKind = 'item' | 'service';
export const listingKindOf = (value: string): ListingKind => (value === 'service' ? 'service' : 'item');
const collection = (kind: ListingKind) => (kind === 'item' ? '/api/items' : '/api/services');

export const lenderStatusOf = (value: string): LenderStatus | undefined =>
  value === 'draft' || value === 'published' || value === 'archived' ? value : undefined;

export function setListingStatus(locals: App.Locals, kind: ListingKind, id: string, status: LenderStatus) {
  return locals.api.patch<{ id: string; title: string; status: string }>(`${collection(kind)}/${segment(id)}`, {
    status,
  });
}

export function deleteListing(locals: App.Locals, kind: ListingKind, id: string) {
  return locals.api.delete(`${collection(kind)}/${segment(id)}`);
}

export const photoTypes = 'image/jpeg,image/png,image/webp,image/heic';
/** The API's limit: checked here too, so that a too-big file gets a sentence rather than a refusal. */
export const photoMaxBytes = 10 * 1024 * 1024;

/** Forwards a photo from the action's form to the API, as multipart (fields `alt` and `photo`). */
export function uploadListingPhoto(locals: App.Locals, kind: ListingKind, id: string, file: File, alt: string) {
  const upload = new FormData();
  if (alt) upload.set('alt', alt);
  upload.set('photo', file, file.name || 'photo');
  return locals.api.postMultipart<Photo>(`${collection(kind)}/${segment(id)}/photos`, upload);
}

export function deleteListingPhoto(locals: App.Locals, kind: ListingKind, id: string, photoId: string) {
  return locals.api.delete(`${collection(kind)}/${segment(id)}/photos/${segment(photoId)}`);
}

/**
 * A form with a file. Past the server's BODY_SIZE_LIMIT, adapter-node cuts the body and reading it
 * fails (413): null then, so that the page can say the file is too big instead of erroring.
 */
export async function readUpload(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch (failure) {
    if ((failure as { status?: number }).status === 413) return null;
    throw failure;
  }
}

/** The sentence that tells what a status change did (publishing may wait for the network's moderators). */
export function statusNotice(locals: App.Locals, title: string, status: string): string {
  const t = translator(locals.lang);
  if (status === 'pending_review') return t('inventory.sentForReview', { title });
  if (status === 'published') return t('inventory.published', { title });
  if (status === 'archived') return t('inventory.archived', { title });
  return t('inventory.drafted', { title });
}

/** The actions every listing's edit page has, besides saving: status, photos. */
export function listingEditActions(kind: ListingKind) {
  return {
    setStatus: async ({ request, locals, params }: RequestEvent<{ id: string }>) => {
      const t = translator(locals.lang);
      const status = lenderStatusOf(String((await request.formData()).get('status') ?? ''));
      if (!status) return fail(400, { statusError: t('errors.validation_failed') });
      const updated = await setListingStatus(locals, kind, params.id, status);
      if (!updated.ok) return fail(updated.status, { statusError: describeApiError(t, updated.data) });
      return { statusNotice: statusNotice(locals, updated.data.title, updated.data.status) };
    },

    uploadPhoto: async ({ request, locals, params }: RequestEvent<{ id: string }>) => {
      const t = translator(locals.lang);
      const form = await readUpload(request);
      if (!form) return fail(413, { alt: '', photoError: t('errors.payload_too_large_photo') });
      const file = form.get('photo');
      const alt = String(form.get('alt') ?? '')
        .trim()
        .slice(0, 300);
      if (!(file instanceof File) || file.size === 0) return fail(400, { alt, photoError: t('photos.missing') });
      if (file.size > photoMaxBytes) return fail(413, { alt, photoError: t('errors.payload_too_large_photo') });
      const uploaded = await uploadListingPhoto(locals, kind, params.id, file, alt);
      if (!uploaded.ok) {
        const message =
          uploaded.data.error === 'payload_too_large'
            ? t('errors.payload_too_large_photo')
            : describeApiError(t, uploaded.data);
        return fail(uploaded.status, { alt, photoError: message });
      }
      return { photoNotice: t('photos.added') };
    },

    deletePhoto: async ({ request, locals, params }: RequestEvent<{ id: string }>) => {
      const t = translator(locals.lang);
      const photoId = String((await request.formData()).get('photoId') ?? '');
      const deleted = await deleteListingPhoto(locals, kind, params.id, photoId);
      if (!deleted.ok) return fail(deleted.status, { photoError: describeApiError(t, deleted.data) });
      return { photoNotice: t('photos.deleted') };
    },
  };
}
