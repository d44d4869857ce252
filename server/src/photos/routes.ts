import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { errorResponses } from '../domain/errors.ts';
import { ListingParamsSchema } from '../listings/schemas.ts';
import { signedIn } from '../plugins/openapi.ts';
import { maxPhotoBytes, maxPhotoPixels, type PhotoSize, photoSizes } from '../domain/photos.ts';
import { attachPhoto, readPhotoFile, removePhoto } from './service.ts';
import type { PhotoStorage } from './storage.ts';
import { PhotoSchema } from './schemas.ts';
import { withUpload } from './upload.ts';

const PhotoParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const PhotoFileParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), file: Type.String({ pattern: '^(small|medium|large)\\.webp$' }) },
  { additionalProperties: false },
);

const uploadDescription = `multipart/form-data : un fichier \`photo\` (JPEG, PNG, WebP ou HEIC, ${maxPhotoBytes / 1024 / 1024} Mo et ${maxPhotoPixels / 1e6} millions de pixels au plus ; le format est lu dans le fichier) et un texte \`alt\` facultatif. La photo est redimensionnée en WebP (${Object.values(photoSizes).join(', ')} px).`;

/** Photos of items and service offers: upload, removal, and the resized files themselves. */
const photosRoutes: FastifyPluginAsyncTypebox<{ storage: PhotoStorage }> = async (app, { storage }) => {
  for (const [path, kind] of [
    ['items', 'itemId'],
    ['services', 'serviceId'],
  ] as const) {
    const listingOf = (id: string) => (kind === 'itemId' ? { itemId: id } : { serviceId: id });
    app.post(
      `/${path}/:id/photos`,
      {
        schema: {
          tags: ['catalogue'],
          summary: path === 'items' ? 'Ajouter une photo à un objet' : 'Ajouter une photo à une offre de service',
          description: uploadDescription,
          consumes: ['multipart/form-data'],
          security: signedIn,
          params: ListingParamsSchema,
          response: { 201: PhotoSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = await request.requireActor();
        const photo = await withUpload(request, (upload) =>
          attachPhoto(app.db, storage, actor, listingOf(request.params.id), upload),
        );
        return reply.status(201).send(photo);
      },
    );
    app.delete(
      `/${path}/:id/photos/:photoId`,
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Retirer une photo',
          security: signedIn,
          params: PhotoParams,
          response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await removePhoto(
          app.db,
          storage,
          await request.requireActor(),
          listingOf(request.params.id),
          request.params.photoId,
        );
        return reply.status(204).send(null);
      },
    );
  }

  app.get(
    '/photos/:id/:file',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Une photo, à une taille web (small, medium, large), en WebP',
        description:
          "Servie à qui peut voir l'annonce (404 sinon, comme une photo inconnue). Photo d'une annonce publique : `Cache-Control: public`, un an ; sinon `private`.",
        params: PhotoFileParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      // A 404 here may be for this caller only (a listing others may see): no cache keeps it.
      reply.header('cache-control', 'no-store');
      const size = request.params.file.replace('.webp', '') as PhotoSize;
      const { file, shared } = await readPhotoFile(app.db, storage, () => request.getActor(), request.params.id, size);
      reply.type('image/webp');
      // A file never changes under its id: anyone's photo may be kept a year, even by a shared
      // cache; the photo of a listing for some only by the browser of one who may see it.
      if (shared) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'private, max-age=3600').header('vary', 'Cookie, Authorization');
      // A Buffer goes out as it is; the "binary string" of the schema only documents it.
      return reply.send(file as unknown as string);
    },
  );
};

export default photosRoutes;
