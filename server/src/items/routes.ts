import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ItemCreateSchema, ItemPatchSchema } from '../domain/catalogue.ts';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import Type from 'typebox';
import { csvColumns, csvTemplate } from './csv-columns.ts';
import { importItems } from './import-csv.ts';
import { ListingParamsSchema } from '../listings/schemas.ts';
import {
  ImportQuerySchema,
  ImportReportSchema,
  ItemDetailSchema,
  ItemSearchResultSchema,
  ItemSearchQuerySchema,
} from './schemas.ts';
import { createItem, deleteItem, duplicateItem, getItem, searchItems, updateItem } from './service.ts';

const tags = ['catalogue'];

const itemsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/items/import',
    {
      schema: {
        tags,
        summary: 'Importer un inventaire CSV (essai à blanc avec dryRun=true)',
        description: `Corps : le fichier CSV (content-type text/csv), séparé par « ; » ou « , », en-têtes en français ou noms des champs de l'API : ${csvColumns.map((c) => c.headers[0]).join(', ')}. Les colonnes titre et categorie sont obligatoires. Tout ou rien : une ligne invalide et rien n'est écrit.`,
        security: signedIn,
        consumes: ['text/csv'],
        querystring: ImportQuerySchema,
        body: Type.String({ minLength: 1, description: 'Le fichier CSV' }),
        response: { 200: ImportReportSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) =>
      importItems(app.db, await request.requireActor(), request.body, {
        dryRun: request.query.dryRun ?? false,
        organisationId: request.query.organisationId,
      }),
  );

  app.get(
    '/items/import/template',
    {
      schema: {
        tags,
        summary: 'Le modèle CSV de l’import (en-têtes en français et une ligne d’exemple)',
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mutua-inventaire.csv"')
        .send(csvTemplate()),
  );
  app.get(
    '/items',
    {
      schema: {
        tags,
        summary: 'Chercher du matériel : texte en français, catégorie, département, structure, autour d’une commune',
        querystring: ItemSearchQuerySchema,
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
    async (request, reply) =>
      reply.status(201).send(await createItem(app.db, await request.requireActor(), request.body)),
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
        response: { 200: ItemDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
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
        description:
          'Supprime un objet que personne n’a jamais demandé. Un objet qui a des demandes de prêt, quel que soit leur statut, est archivé à la place (statut `archived` : hors de la recherche, rangé parmi les archivées de l’inventaire) afin que ses prêts restent lisibles des deux structures et comptés dans les statistiques du réseau ; la réponse est la même (204). Un objet masqué par la modération et qui a des prêts reste masqué (403 `listing_hidden`).',
        security: signedIn,
        params: ListingParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404, 409) },
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
    async (request, reply) =>
      reply.status(201).send(await duplicateItem(app.db, await request.requireActor(), request.params.id)),
  );
};

export default itemsRoutes;
