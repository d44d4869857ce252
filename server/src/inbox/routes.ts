import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  CountsQuerySchema,
  FollowUpBodySchema,
  FollowUpSchema,
  InboxCountsSchema,
  InboxListSchema,
  InboxQuerySchema,
  LoanParamsSchema,
} from './schemas.ts';
import { countInboxEntries, followUpLoan, listInbox } from './service.ts';

const tags = ['admin'];

/** The moderation inbox of each network, with its counts, and the loans followed up (/api/admin/inbox…). */
const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/inbox',
    {
      schema: {
        tags,
        summary:
          'La boîte de modération de mes réseaux : structures, annonces, signalements, prêts et e-mails en attente (les plus anciens d’abord)',
        description:
          'Les structures en attente et les e-mails en échec ne sont listés que pour les administrateur·rices ; un prêt apparaît une fois par raison, tant qu’il n’est pas marqué traité dans le réseau.',
        security: signedIn,
        querystring: InboxQuerySchema,
        response: { 200: InboxListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listInbox(app.db, await request.requireActor(), request.query),
  );

  app.get(
    '/admin/inbox/counts',
    {
      schema: {
        tags,
        summary: 'Combien d’entrées attendent dans ma boîte de modération, par genre (pour la navigation)',
        security: signedIn,
        querystring: CountsQuerySchema,
        response: { 200: InboxCountsSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => countInboxEntries(app.db, await request.requireActor(), request.query.networkId),
  );

  app.post(
    '/admin/loans/:bookingId/follow-up',
    {
      schema: {
        tags,
        summary: 'Marquer un prêt comme traité pour une raison, dans mes réseaux qui le voient',
        security: signedIn,
        params: LoanParamsSchema,
        body: FollowUpBodySchema,
        response: { 200: FollowUpSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => followUpLoan(app.db, await request.requireActor(), request.params.bookingId, request.body),
  );
};

export default inboxRoutes;
