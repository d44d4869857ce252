import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  AdminCategoryListSchema,
  AdminCategorySchema,
  CategoryCreateSchema,
  CategoryParamsSchema,
  CategoryPatchSchema,
  DeletedSchema,
  NetworkTerritoriesParamsSchema,
  NetworkTerritoriesPutSchema,
  NetworkTerritoriesSchema,
} from './admin-schemas.ts';
import {
  changeCategory,
  createCategory,
  getNetworkTerritories,
  listAdminCategories,
  removeCategory,
  setNetworkTerritories,
} from './admin-service.ts';

/** Categories and territories, as network admins manage them (/api/admin/categories, /api/admin/networks/:id/territories). */
const referenceAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/categories',
    {
      schema: {
        tags: ['admin'],
        summary: 'Les catégories (partagées par tous les réseaux), avec leur rang et ce qui les utilise',
        security: signedIn,
        response: { 200: AdminCategoryListSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => listAdminCategories(app.db, await request.requireActor()),
  );

  app.post(
    '/admin/categories',
    {
      schema: {
        tags: ['admin'],
        summary: 'Ajouter une catégorie ou une sous-catégorie',
        security: signedIn,
        body: CategoryCreateSchema,
        response: { 201: AdminCategorySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const category = await createCategory(app.db, await request.requireActor(), request.body);
      return reply.code(201).send(category);
    },
  );

  app.patch(
    '/admin/categories/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Renommer une catégorie ou changer son rang',
        security: signedIn,
        params: CategoryParamsSchema,
        body: CategoryPatchSchema,
        response: { 200: AdminCategorySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => changeCategory(app.db, await request.requireActor(), request.params.id, request.body),
  );

  app.delete(
    '/admin/categories/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Supprimer une catégorie que rien n’utilise (ni objet, ni besoin, ni sous-catégorie)',
        security: signedIn,
        params: CategoryParamsSchema,
        response: { 200: DeletedSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await removeCategory(app.db, await request.requireActor(), request.params.id);
      return { deleted: true as const };
    },
  );

  app.get(
    '/admin/networks/:id/territories',
    {
      schema: {
        tags: ['admin'],
        summary: 'Les départements où le réseau agit',
        security: signedIn,
        params: NetworkTerritoriesParamsSchema,
        response: { 200: NetworkTerritoriesSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getNetworkTerritories(app.db, await request.requireActor(), request.params.id),
  );

  app.put(
    '/admin/networks/:id/territories',
    {
      schema: {
        tags: ['admin'],
        summary: 'Fixer les départements où le réseau agit (codes connus seulement)',
        security: signedIn,
        params: NetworkTerritoriesParamsSchema,
        body: NetworkTerritoriesPutSchema,
        response: { 200: NetworkTerritoriesSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setNetworkTerritories(app.db, await request.requireActor(), request.params.id, request.body.codes),
  );
};

export default referenceAdminRoutes;
