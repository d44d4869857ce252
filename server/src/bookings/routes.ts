import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  BatchCreateSchema,
  BookingCreateSchema,
  BookingDetailSchema,
  BookingGroupSchema,
  BookingListQuerySchema,
  BookingListSchema,
  DashboardSchema,
  ItemBookingCreateSchema,
  ServiceBookingCreateSchema,
  MessageCreateSchema,
  MessageSchema,
  TransitionBodySchemas,
} from '../domain/bookings.ts';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { unionBodyValidatorCompiler } from '../plugins/validation.ts';
import { listMessages, postMessage } from './messages.ts';
import { getBooking, getDashboard, getGroup, listBookings } from './read.ts';
import { type RequestSettings, requestBatch, requestItemLoan, requestService } from './request.ts';
import { type ActorAction, transitionBooking } from './transitions.ts';

const tags = ['prêts'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const transitionSummaries: Record<ActorAction, string> = {
  accept: 'Accepter une demande (prêteur) : réserve les unités, ou 409 si elles ne sont plus libres',
  decline: 'Refuser une demande (prêteur)',
  cancel: 'Annuler : une demande en attente (emprunteur), ou un prêt accepté (les deux, avec une raison)',
  pickup: 'Noter le retrait du matériel (prêteur)',
  return: 'Noter le retour, son état et un éventuel incident (prêteur)',
  done: 'Noter un service comme réalisé (prêteur)',
  close: 'Clôturer un prêt rendu, avec un mot de remerciement (les deux)',
};

/** Requests, the loan lifecycle and the conversation between borrower and lender. */
const bookingsRoutes: FastifyPluginAsyncTypebox<RequestSettings> = async (app, settings) => {
  app.post(
    '/bookings',
    {
      schema: {
        tags,
        summary: 'Demander un objet (par jours) ou un service (par créneau)',
        security: signedIn,
        body: BookingCreateSchema,
        response: { 201: BookingDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
      validatorCompiler: unionBodyValidatorCompiler('serviceId', ServiceBookingCreateSchema, ItemBookingCreateSchema),
    },
    async (request, reply) => {
      const actor = await request.requireActor();
      const body = request.body;
      const id =
        'itemId' in body
          ? await requestItemLoan(app.db, actor, body, settings)
          : await requestService(app.db, actor, body, settings);
      return reply.status(201).send(await getBooking(app.db, actor, id));
    },
  );

  app.post(
    '/bookings/batch',
    {
      schema: {
        tags,
        summary: 'Panier : plusieurs objets aux mêmes dates, une demande par prêteur, tout ou rien',
        security: signedIn,
        body: BatchCreateSchema,
        response: { 201: BookingGroupSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = await request.requireActor();
      const { groupId } = await requestBatch(app.db, actor, request.body, settings);
      return reply.status(201).send(await getGroup(app.db, actor, groupId!));
    },
  );

  app.get(
    '/bookings',
    {
      schema: {
        tags,
        summary: 'Mes demandes (as=borrower) ou les demandes reçues (as=lender), les plus récentes d’abord',
        security: signedIn,
        querystring: BookingListQuerySchema,
        response: { 200: BookingListSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listBookings(app.db, await request.requireActor(), request.query),
  );

  app.get(
    '/bookings/dashboard',
    {
      schema: {
        tags,
        summary:
          'Ce qui attend : demandes à traiter, retraits et retours des 7 jours, retards ; mes demandes et emprunts',
        security: signedIn,
        response: { 200: DashboardSchema, ...errorResponses(401) },
      },
    },
    async (request) => getDashboard(app.db, await request.requireActor()),
  );

  app.get(
    '/bookings/groups/:id',
    {
      schema: {
        tags,
        summary: 'Un panier et son état d’ensemble',
        security: signedIn,
        params: IdParams,
        response: { 200: BookingGroupSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getGroup(app.db, await request.requireActor(), request.params.id),
  );

  app.get(
    '/bookings/:id',
    {
      schema: {
        tags,
        summary: 'Une demande, son historique et ce que je peux faire',
        security: signedIn,
        params: IdParams,
        response: { 200: BookingDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getBooking(app.db, await request.requireActor(), request.params.id),
  );

  for (const action of Object.keys(transitionSummaries) as ActorAction[]) {
    app.post(
      `/bookings/:id/${action}`,
      {
        schema: {
          tags,
          summary: transitionSummaries[action],
          security: signedIn,
          params: IdParams,
          body: TransitionBodySchemas[action],
          response: { 200: BookingDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
        // A step with nothing to say may be posted without a body.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const actor = await request.requireActor();
        await transitionBooking(app.db, actor, request.params.id, action, request.body as never);
        return getBooking(app.db, actor, request.params.id);
      },
    );
  }

  app.get(
    '/bookings/:id/messages',
    {
      schema: {
        tags,
        summary: 'La conversation d’une demande',
        security: signedIn,
        params: IdParams,
        response: { 200: Type.Array(MessageSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listMessages(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/bookings/:id/messages',
    {
      schema: {
        tags,
        summary: 'Écrire à l’autre structure',
        security: signedIn,
        params: IdParams,
        body: MessageCreateSchema,
        response: { 201: MessageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await postMessage(app.db, await request.requireActor(), request.params.id, request.body.body)),
  );
};

export default bookingsRoutes;
