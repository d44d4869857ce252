import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ItemCreateSchema, ItemPatchSchema } from '../domain/catalogue.ts';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { ItemDetailSchema, ItemSearchResultSchema, ListingParamsSchema, ListingSearchQuerySchema } from './schemas.ts';
import { createItem, deleteItem, duplicateItem, getItem, searchItems, updateItem } from './service.ts';

const tags = ['catalogue'];

const itemsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/items',
    {
      schema: {
        tags,
        summary: 'Chercher du matériel : texte en français, catégorie, département, structure, autour d’une commune',
        querystring: ListingSearchQuerySchema,
        response: { 200: ItemSearchResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => searchItems(app.db, await request.getActor(), request.query),
  );

  app.post(
    '/items',
    {
      schema: {
        tags,
        summary: 'Proposer un objet au prêt (membres d’une structure validée)',
        security: signedIn,
        body: ItemCreateSchema,
        response: { 201: ItemDetailSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await createItem(app.db, await request.requireActor(), request.body)),
  );

  app.get(
    '/items/:id',
    {
      schema: {
        tags,
        summary: 'Un objet',
        params: ListingParamsSchema,
        response: { 200: ItemDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getItem(app.db, await request.getActor(), request.params.id),
  );

  app.patch(
    '/items/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un objet de sa structure (dont publier, archiver)',
        security: signedIn,
        params: ListingParamsSchema,
        body: ItemPatchSchema,
        response: { 200: ItemDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updateItem(app.db, await request.requireActor(), request.params.id, request.body),
  );

  app.delete(
    '/items/:id',
    {
      schema: {
        tags,
        summary: 'Supprimer un objet de sa structure',
        security: signedIn,
        params: ListingParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteItem(app.db, await request.requireActor(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/items/:id/duplicate',
    {
      schema: {
        tags,
        summary: 'Dupliquer un objet en brouillon',
        security: signedIn,
        params: ListingParamsSchema,
        response: { 201: ItemDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await duplicateItem(app.db, await request.requireActor(), request.params.id)),
  );
};

export default itemsRoutes;
