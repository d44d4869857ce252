import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { errorResponses } from '../domain/errors.ts';
import { ItemSummarySchema } from '../items/schemas.ts';
import { OrganisationParamsSchema } from '../organisations/schemas.ts';
import { signedIn } from '../plugins/openapi.ts';
import { ServiceSummarySchema } from '../service-offers/schemas.ts';
import { listInventory } from './inventory.ts';

const InventorySchema = Type.Object({
  items: Type.Array(ItemSummarySchema),
  services: Type.Array(ServiceSummarySchema),
});

const listingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organisations/:id/listings',
    {
      schema: {
        tags: ['catalogue'],
        summary: "L'inventaire d'une structure, dans tous les statuts (ses membres seulement)",
        security: signedIn,
        params: OrganisationParamsSchema,
        response: { 200: InventorySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listInventory(app.db, await request.requireActor(), request.params.id),
  );
};

export default listingsRoutes;
