import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  AddModeratorBodySchema,
  ModeratorParamsSchema,
  NetworkListSchema,
  NetworkParamsSchema,
  NetworkPatchSchema,
  NetworkSettingsSchema,
} from './schemas.ts';
import {
  addModerator,
  changeNetworkSettings,
  getNetworkSettings,
  listNetworkSettings,
  removeModerator,
} from './service.ts';

const tags = ['admin'];

/** A network's settings and moderators (/api/admin/networks/:id…). */
const networkSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/networks',
    {
      schema: {
        tags,
        summary: 'Les réseaux que j’administre, avec leurs réglages et leur équipe',
        security: signedIn,
        response: { 200: NetworkListSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => listNetworkSettings(app.db, await request.requireActor()),
  );

  app.get(
    '/admin/networks/:id',
    {
      schema: {
        tags,
        summary: 'Les réglages et l’équipe d’un réseau que j’administre',
        security: signedIn,
        params: NetworkParamsSchema,
        response: { 200: NetworkSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getNetworkSettings(app.db, await request.requireActor(), request.params.id),
  );

  app.patch(
    '/admin/networks/:id',
    {
      schema: {
        tags,
        summary: 'Changer la relecture des annonces ou le délai de retard avant la boîte de modération',
        security: signedIn,
        params: NetworkParamsSchema,
        body: NetworkPatchSchema,
        response: { 200: NetworkSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => changeNetworkSettings(app.db, await request.requireActor(), request.params.id, request.body),
  );

  app.post(
    '/admin/networks/:id/moderators',
    {
      schema: {
        tags,
        summary: 'Nommer modérateur·rice une personne qui a un compte',
        security: signedIn,
        params: NetworkParamsSchema,
        body: AddModeratorBodySchema,
        response: { 200: NetworkSettingsSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => addModerator(app.db, await request.requireActor(), request.params.id, request.body.email),
  );

  app.delete(
    '/admin/networks/:id/moderators/:userId',
    {
      schema: {
        tags,
        summary: 'Retirer son rôle à un·e modérateur·rice (pas à un·e administrateur·rice)',
        security: signedIn,
        params: ModeratorParamsSchema,
        response: { 200: NetworkSettingsSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => removeModerator(app.db, await request.requireActor(), request.params.id, request.params.userId),
  );
};

export default networkSettingsRoutes;
