import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CalendarFeedSchema } from '../domain/bookings.ts';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { bookingCalendar, type CalendarSettings, feedCalendar, getFeed, renewFeed, revokeFeed } from './service.ts';

const tags = ['agenda'];
const OrganisationParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const ICalendar = Type.String({ description: 'text/calendar (RFC 5545)' });

/** iCal: a private, revocable feed per structure, and one file per loan. */
const calendarRoutes: FastifyPluginAsyncTypebox<CalendarSettings> = async (app, settings) => {
  app.get(
    '/calendar/:token.ics',
    {
      schema: {
        tags,
        summary: 'L’agenda privé d’une structure (ses prêts et emprunts), pour s’y abonner',
        params: Type.Object(
          { token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) },
          { additionalProperties: false },
        ),
        produces: ['text/calendar'],
        response: { 200: ICalendar, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await feedCalendar(app.db, request.params.token, settings)),
  );

  app.get(
    '/bookings/:id.ics',
    {
      schema: {
        tags,
        summary: 'Un prêt accepté, en fichier .ics',
        security: signedIn,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        produces: ['text/calendar'],
        response: { 200: ICalendar, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="mutua-pret-${request.params.id.slice(0, 8)}.ics"`)
        .send(await bookingCalendar(app.db, await request.requireActor(), request.params.id, settings)),
  );

  app.get(
    '/organisations/:id/calendar-feed',
    {
      schema: {
        tags,
        summary: 'L’adresse de l’agenda privé de ma structure (404 s’il n’y en a pas)',
        security: signedIn,
        params: OrganisationParams,
        response: { 200: CalendarFeedSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getFeed(app.db, await request.requireActor(), request.params.id, settings),
  );

  app.post(
    '/organisations/:id/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Créer ou renouveler l’agenda privé (l’ancienne adresse cesse de fonctionner)',
        security: signedIn,
        params: OrganisationParams,
        response: { 201: CalendarFeedSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await renewFeed(app.db, await request.requireActor(), request.params.id, settings)),
  );

  app.delete(
    '/organisations/:id/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Désactiver l’agenda privé',
        security: signedIn,
        params: OrganisationParams,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await revokeFeed(app.db, await request.requireActor(), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default calendarRoutes;
