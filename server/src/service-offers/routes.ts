import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ServiceCreateSchema, ServicePatchSchema } from '../domain/catalogue.ts';
import { errorResponses } from '../domain/errors.ts';
import { ListingParamsSchema, ListingSearchQuerySchema } from '../listings/schemas.ts';
import { signedIn } from '../plugins/openapi.ts';
import { ServiceDetailSchema, ServiceSearchResultSchema } from './schemas.ts';
import { createService, deleteService, getService, searchServices, updateService } from './service.ts';

const tags = ['catalogue'];

/** Service offers, under /api/services (the folder is service-offers to keep "service" for use cases). */
const serviceOffersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/services',
    {
      schema: {
        tags,
        summary: 'Chercher une offre de service (category = domaine : transition_ecologique, animation_facilitation…)',
        querystring: ListingSearchQuerySchema,
        response: { 200: ServiceSearchResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => searchServices(app.db, await request.getActor(), request.query),
  );

  app.post(
    '/services',
    {
      schema: {
        tags,
        summary: 'Proposer un service (membres d’une structure validée)',
        security: signedIn,
        body: ServiceCreateSchema,
        response: { 201: ServiceDetailSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createService(app.db, await request.requireActor(), request.body)),
  );

  app.get(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Une offre de service',
        params: ListingParamsSchema,
        response: { 200: ServiceDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getService(app.db, await request.getActor(), request.params.id),
  );

  app.patch(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Modifier une offre de sa structure (dont publier, archiver)',
        security: signedIn,
        params: ListingParamsSchema,
        body: ServicePatchSchema,
        response: { 200: ServiceDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updateService(app.db, await request.requireActor(), request.params.id, request.body),
  );

  app.delete(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Supprimer une offre de sa structure',
        description:
          'Supprime une offre que personne n’a jamais demandée. Une offre qui a des demandes, quel que soit leur statut, est archivée à la place (statut `archived` : hors de la recherche, rangée parmi les archivées de l’inventaire) afin que ses prestations restent lisibles des deux structures et comptées dans les statistiques du réseau ; la réponse est la même (204). Une offre masquée par la modération et qui a des demandes reste masquée (403 `listing_hidden`).',
        security: signedIn,
        params: ListingParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteService(app.db, await request.requireActor(), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default serviceOffersRoutes;
