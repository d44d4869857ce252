import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryListSchema, LanguageQuerySchema, TerritoryListSchema } from './schemas.ts';
import { selectCategories, selectTerritories } from './queries.ts';

/** The reference data the catalogue is filtered by: categories, départements and their communes. */
const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/categories',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Les catégories de matériel (familles et sous-catégories)',
        querystring: LanguageQuerySchema,
        response: { 200: CategoryListSchema },
      },
    },
    async (request, reply) => {
      const language = request.query.lang ?? 'fr';
      const rows = await selectCategories(app.db);
      reply.header('cache-control', 'public, max-age=300');
      return { categories: rows.map((row) => ({ ...row, name: language === 'en' ? row.nameEn : row.nameFr })) };
    },
  );

  app.get(
    '/territories',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Les départements et les communes connues (avec leurs coordonnées)',
        response: { 200: TerritoryListSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { territories: await selectTerritories(app.db) };
    },
  );
};

export default referenceRoutes;
