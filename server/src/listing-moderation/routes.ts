import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  ArchiveListingBodySchema,
  HideListingBodySchema,
  ListingModerationQuerySchema,
  ModeratedListingListSchema,
  ModeratedListingSchema,
  ModerationParamsSchema,
  RequestListingChangesBodySchema,
} from './schemas.ts';
import {
  approveListing,
  archiveListing,
  hideListing,
  listListingsForModeration,
  requestListingChanges,
  unhideListing,
} from './service.ts';

const tags = ['admin'];
const actionResponses = { 200: ModeratedListingSchema, ...errorResponses(400, 401, 403, 404, 409) };
const keyOf = (params: { type: 'items' | 'services'; id: string }) => ({
  type: params.type === 'items' ? ('item' as const) : ('service' as const),
  id: params.id,
});

/** Moderation of listings by their networks: review, hide, unhide, archive (/api/admin/listings…). */
const listingModerationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/listings',
    {
      schema: {
        tags,
        summary:
          'Annonces des structures de mes réseaux, par statut (à examiner par défaut, les plus anciennes d’abord)',
        security: signedIn,
        querystring: ListingModerationQuerySchema,
        response: { 200: ModeratedListingListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listListingsForModeration(app.db, await request.requireActor(), request.query),
  );

  app.post(
    '/admin/listings/:type/:id/approve',
    {
      schema: {
        tags,
        summary: 'Publier une annonce en attente de modération',
        security: signedIn,
        params: ModerationParamsSchema,
        response: actionResponses,
      },
    },
    async (request) => approveListing(app.db, await request.requireActor(), keyOf(request.params)),
  );

  app.post(
    '/admin/listings/:type/:id/request-changes',
    {
      schema: {
        tags,
        summary: 'Demander des modifications : l’annonce en attente revient en brouillon, avec le message',
        security: signedIn,
        params: ModerationParamsSchema,
        body: RequestListingChangesBodySchema,
        response: actionResponses,
      },
    },
    async (request) =>
      requestListingChanges(app.db, await request.requireActor(), keyOf(request.params), request.body.message),
  );

  app.post(
    '/admin/listings/:type/:id/hide',
    {
      schema: {
        tags,
        summary: 'Masquer une annonce : elle quitte aussitôt le catalogue, sa structure ne peut pas la republier',
        security: signedIn,
        params: ModerationParamsSchema,
        body: HideListingBodySchema,
        response: actionResponses,
      },
    },
    async (request) => hideListing(app.db, await request.requireActor(), keyOf(request.params), request.body.reason),
  );

  app.post(
    '/admin/listings/:type/:id/unhide',
    {
      schema: {
        tags,
        summary: 'Rendre visible une annonce masquée : elle est de nouveau publiée',
        security: signedIn,
        params: ModerationParamsSchema,
        response: actionResponses,
      },
    },
    async (request) => unhideListing(app.db, await request.requireActor(), keyOf(request.params)),
  );

  app.post(
    '/admin/listings/:type/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archiver une annonce (elle quitte le catalogue ; ses prêts restent dans l’historique)',
        security: signedIn,
        params: ModerationParamsSchema,
        body: ArchiveListingBodySchema,
        response: actionResponses,
      },
    },
    async (request) => archiveListing(app.db, await request.requireActor(), keyOf(request.params), request.body.reason),
  );
};

export default listingModerationRoutes;
