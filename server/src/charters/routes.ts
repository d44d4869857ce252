import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  CharterPublicationSchema,
  CharterReadingSchema,
  CharterReadSchema,
  CharterSchema,
  CharterVersionListSchema,
  NetworkCharterListSchema,
  NetworkIdParamsSchema,
  NetworkParamsSchema,
  UnreadChartersSchema,
} from './schemas.ts';
import {
  getCurrentCharter,
  listCharterVersions,
  listNetworksWithCharters,
  listUnreadCharters,
  publishCharter,
  readCharter,
} from './service.ts';

/** Network charters: read, accept, and publish a new version. */
const chartersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/charters',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Les réseaux qu’une structure peut rejoindre, chacun avec la charte en vigueur',
        response: { 200: NetworkCharterListSchema },
      },
    },
    async () => listNetworksWithCharters(app.db),
  );

  app.get(
    '/networks/:id/charter',
    {
      schema: {
        tags: ['organisations'],
        summary: 'La charte en vigueur d’un réseau (sa dernière version)',
        params: NetworkParamsSchema,
        response: { 200: CharterSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getCurrentCharter(app.db, request.params.id),
  );

  app.get(
    '/admin/networks/:id/charters',
    {
      schema: {
        tags: ['admin'],
        summary: 'Toutes les versions de la charte du réseau, la plus récente d’abord',
        security: signedIn,
        params: NetworkParamsSchema,
        response: { 200: CharterVersionListSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCharterVersions(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/admin/networks/:id/charters',
    {
      schema: {
        tags: ['admin'],
        summary: 'Publier une nouvelle version de la charte : les membres la verront à leur prochaine visite',
        security: signedIn,
        params: NetworkParamsSchema,
        body: CharterPublicationSchema,
        response: { 201: CharterSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const charter = await publishCharter(app.db, await request.requireActor(), request.params.id, request.body.body);
      return reply.code(201).send(charter);
    },
  );

  app.get(
    '/me/charters',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Les chartes des réseaux de mes structures dont je n’ai pas lu la version en vigueur',
        security: signedIn,
        response: { 200: UnreadChartersSchema, ...errorResponses(401) },
      },
    },
    async (request) => listUnreadCharters(app.db, await request.requireActor()),
  );

  app.post(
    '/me/charters/:networkId/read',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'J’ai lu la charte en vigueur du réseau (un·e gestionnaire l’accepte aussi au nom des structures qu’il ou elle gère dans ce réseau)',
        security: signedIn,
        params: NetworkIdParamsSchema,
        body: CharterReadingSchema,
        response: { 200: CharterReadSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      readCharter(app.db, await request.requireActor(), request.params.networkId, request.body.version),
  );
};

export default chartersRoutes;
