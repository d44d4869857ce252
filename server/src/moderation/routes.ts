import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { OrganisationParamsSchema } from '../organisations/schemas.ts';
import { OrganisationForReviewSchema, RejectBodySchema, ReviewListQuerySchema, ReviewListSchema } from './schemas.ts';
import { approveOrganisation, listOrganisationsForReview, rejectOrganisation } from './service.ts';

const tags = ['admin'];

const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/organisations',
    {
      schema: {
        tags,
        summary: 'Structures de mes réseaux, par statut (en attente par défaut)',
        security: signedIn,
        querystring: ReviewListQuerySchema,
        response: { 200: ReviewListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listOrganisationsForReview(app.db, await request.requireActor(), request.query.status),
  );

  app.post(
    '/admin/organisations/:id/approve',
    {
      schema: {
        tags,
        summary: 'Valider une structure en attente',
        security: signedIn,
        params: OrganisationParamsSchema,
        response: { 200: OrganisationForReviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => approveOrganisation(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/admin/organisations/:id/reject',
    {
      schema: {
        tags,
        summary: 'Refuser une structure en attente',
        security: signedIn,
        params: OrganisationParamsSchema,
        body: RejectBodySchema,
        response: { 200: OrganisationForReviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      rejectOrganisation(app.db, await request.requireActor(), request.params.id, request.body?.reason),
  );
};

export default moderationRoutes;
