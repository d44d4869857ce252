import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { errorResponses } from '../domain/errors.ts';
import { PhotoSchema } from '../items/schemas.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { maxPhotoBytes, type PhotoSize, photoSizes } from '../domain/photos.ts';
import { selectPhoto } from './queries.ts';
import { attachPhoto, readPhoto, removePhoto } from './service.ts';
import type { PhotoStorage } from './storage.ts';

const ListingParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const PhotoParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const PhotoFileParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), file: Type.String({ pattern: '^(small|medium|large)\\.webp$' }) },
  { additionalProperties: false },
);

const uploadDescription = `multipart/form-data : un fichier \`photo\` (JPEG, PNG, WebP ou HEIC, ${maxPhotoBytes / 1024 / 1024} Mo au plus ; le format est lu dans le fichier) et un texte \`alt\` facultatif. La photo est redimensionnée en WebP (${Object.values(photoSizes).join(', ')} px).`;

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
          params: ListingParams,
          response: { 201: PhotoSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = await request.requireActor();
        const upload = await readUpload(request);
        return reply.status(201).send(await attachPhoto(app.db, storage, actor, listingOf(request.params.id), upload));
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
        params: PhotoFileParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const photo = await selectPhoto(app.db, request.params.id);
      if (!photo) throw new AppError('not_found', 'Photo introuvable.');
      const size = request.params.file.replace('.webp', '') as PhotoSize;
      const file = await readPhoto(storage, photo.storageKey, size);
      // A Buffer goes out as it is; the "binary string" of the schema only documents it.
      return reply
        .type('image/webp')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(file as unknown as string);
    },
  );
};

async function readUpload(request: FastifyRequest): Promise<{ data: Buffer; alt: string }> {
  if (!request.isMultipart()) {
    throw fieldError('photo', 'Envoyez la photo en multipart/form-data, dans le champ « photo ».', 'required');
  }
  let data: Buffer | undefined;
  let alt = '';
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photo' || data) {
        part.file.resume();
        throw fieldError(
          part.fieldname,
          `Champ de fichier inattendu : « ${part.fieldname} » (une seule photo, dans « photo »).`,
          'additionalProperties',
        );
      }
      data = await part.toBuffer();
    } else if (part.fieldname === 'alt') {
      alt = String(part.value);
    } else {
      throw fieldError(part.fieldname, `Champ inattendu : « ${part.fieldname} ».`, 'additionalProperties');
    }
  }
  if (!data || data.length === 0) {
    throw fieldError('photo', 'La photo est obligatoire (champ « photo »).', 'required');
  }
  return { data, alt };
}

export default photosRoutes;
