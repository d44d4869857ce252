import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  BlockedPeriodCreateSchema,
  BlockedPeriodSchema,
} from '../domain/bookings.ts';
import { errorResponses } from '../domain/errors.ts';
import { ListingParamsSchema } from '../listings/schemas.ts';
import { signedIn } from '../plugins/openapi.ts';
import { createBlockedPeriod, deleteBlockedPeriod, getAvailability, listBlockedPeriods } from './service.ts';

const tags = ['disponibilités'];
const PeriodParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }), periodId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** An item's calendar, and the periods its lender keeps it back. */
const availabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/items/:id/availability',
    {
      schema: {
        tags,
        summary:
          'Disponibilités d’un objet, jour par jour (unités libres, et pourquoi un jour ne peut pas être réservé)',
        params: ListingParamsSchema,
        querystring: AvailabilityQuerySchema,
        response: { 200: AvailabilitySchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getAvailability(app.db, await request.getActor(), request.params.id, request.query),
  );

  app.get(
    '/items/:id/blocked-periods',
    {
      schema: {
        tags,
        summary: 'Les périodes où le prêteur ne prête pas cet objet (fermeture, réparation, usage interne)',
        security: signedIn,
        params: ListingParamsSchema,
        response: { 200: Type.Array(BlockedPeriodSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listBlockedPeriods(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/items/:id/blocked-periods',
    {
      schema: {
        tags,
        summary: 'Bloquer des jours (les prêts déjà acceptés ne sont pas touchés)',
        security: signedIn,
        params: ListingParamsSchema,
        body: BlockedPeriodCreateSchema,
        response: { 201: BlockedPeriodSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createBlockedPeriod(app.db, await request.requireActor(), request.params.id, request.body)),
  );

  app.delete(
    '/items/:id/blocked-periods/:periodId',
    {
      schema: {
        tags,
        summary: 'Débloquer une période',
        security: signedIn,
        params: PeriodParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteBlockedPeriod(app.db, await request.requireActor(), request.params.id, request.params.periodId);
      return reply.status(204).send(null);
    },
  );
};

export default availabilityRoutes;
