import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { OrganisationParamsSchema } from '../organisations/schemas.ts';
import { signedIn } from '../plugins/openapi.ts';
import { InventorySchema } from './schemas.ts';
import { listInventory } from './service.ts';

/** A structure's inventory: its items and its service offers together, as its people manage them. */
const inventoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organisations/:id/listings',
    {
      schema: {
        tags: ['catalogue'],
        summary: "L'inventaire d'une structure, dans tous les statuts (ses membres seulement)",
        security: signedIn,
        params: OrganisationParamsSchema,
        response: { 200: InventorySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listInventory(app.db, await request.requireActor(), request.params.id),
  );
};

export default inventoryRoutes;
