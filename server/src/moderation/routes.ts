import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { OrganisationParamsSchema } from '../organisations/schemas.ts';
import {
  OrganisationForReviewSchema,
  RejectBodySchema,
  RequestChangesBodySchema,
  ReviewListQuerySchema,
  ReviewListSchema,
  SuspendBodySchema,
  SuspendedOrganisationSchema,
} from './schemas.ts';
import {
  approveOrganisation,
  listOrganisationsForReview,
  rejectOrganisation,
  reinstateOrganisation,
  reopenOrganisation,
  requestOrganisationChanges,
  suspendOrganisation,
} from './service.ts';

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
    async (request) => rejectOrganisation(app.db, await request.requireActor(), request.params.id, request.body.reason),
  );

  app.post(
    '/admin/organisations/:id/suspend',
    {
      schema: {
        tags,
        summary: 'Suspendre une structure active',
        description:
          'Ses annonces quittent le catalogue, ses demandes en attente (faites ou reçues) sont refusées, ses prêts acceptés restent ouverts (comptés dans openLoans). Ses membres sont prévenus du motif.',
        security: signedIn,
        params: OrganisationParamsSchema,
        body: SuspendBodySchema,
        response: { 200: SuspendedOrganisationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      suspendOrganisation(app.db, await request.requireActor(), request.params.id, request.body.reason),
  );

  app.post(
    '/admin/organisations/:id/reinstate',
    {
      schema: {
        tags,
        summary: 'Rétablir une structure suspendue',
        security: signedIn,
        params: OrganisationParamsSchema,
        response: { 200: OrganisationForReviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reinstateOrganisation(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/admin/organisations/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Rouvrir une structure refusée : elle revient en attente de validation',
        security: signedIn,
        params: OrganisationParamsSchema,
        response: { 200: OrganisationForReviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reopenOrganisation(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/admin/organisations/:id/request-changes',
    {
      schema: {
        tags,
        summary: 'Demander des modifications à une structure en attente (elle reste en attente)',
        security: signedIn,
        params: OrganisationParamsSchema,
        body: RequestChangesBodySchema,
        response: { 200: OrganisationForReviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      requestOrganisationChanges(app.db, await request.requireActor(), request.params.id, request.body.message),
  );
};

export default moderationRoutes;
