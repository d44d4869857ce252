import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NeedCreateSchema, NeedPatchSchema, NeedResponseCreateSchema } from '../domain/catalogue.ts';
import { errorResponses } from '../domain/errors.ts';
import { ListingParamsSchema } from '../listings/schemas.ts';
import { signedIn } from '../plugins/openapi.ts';
import { NeedDetailSchema, NeedResponseSchema, NeedSearchQuerySchema, NeedSearchResultSchema } from './schemas.ts';
import { createNeed, deleteNeed, getNeed, respondToNeed, searchNeeds, updateNeed } from './service.ts';

const tags = ['catalogue'];

/** « Je cherche » : what structures look for, and the answers of the others. */
const needsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/needs',
    {
      schema: {
        tags,
        summary: 'Les besoins ouverts (« je cherche »)',
        querystring: NeedSearchQuerySchema,
        response: { 200: NeedSearchResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => searchNeeds(app.db, await request.getActor(), request.query),
  );

  app.post(
    '/needs',
    {
      schema: {
        tags,
        summary: 'Publier un besoin',
        security: signedIn,
        body: NeedCreateSchema,
        response: { 201: NeedDetailSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createNeed(app.db, await request.requireActor(), request.body)),
  );

  app.get(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Un besoin et ses réponses',
        params: ListingParamsSchema,
        response: { 200: NeedDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getNeed(app.db, await request.getActor(), request.params.id),
  );

  app.patch(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Modifier un besoin, ou le marquer satisfait (status: fulfilled)',
        security: signedIn,
        params: ListingParamsSchema,
        body: NeedPatchSchema,
        response: { 200: NeedDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updateNeed(app.db, await request.requireActor(), request.params.id, request.body),
  );

  app.delete(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Supprimer un besoin',
        security: signedIn,
        params: ListingParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteNeed(app.db, await request.requireActor(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/needs/:id/responses',
    {
      schema: {
        tags,
        summary: 'Répondre à un besoin (un message, et éventuellement une annonce de ma structure)',
        security: signedIn,
        params: ListingParamsSchema,
        body: NeedResponseCreateSchema,
        response: { 201: NeedResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await respondToNeed(app.db, await request.requireActor(), request.params.id, request.body)),
  );
};

export default needsRoutes;
