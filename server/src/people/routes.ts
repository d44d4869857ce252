import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  PeopleListSchema,
  PeopleQuerySchema,
  PersonParamsSchema,
  PersonSchema,
  SuspendedPersonSchema,
  SuspendPersonBodySchema,
} from './schemas.ts';
import { listPeople, reinstatePerson, suspendPerson } from './service.ts';

const tags = ['admin'];

/** People as their networks' admins handle them: suspend and reinstate a person (/api/admin/users…). */
const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Les personnes des structures de mes réseaux (recherche par nom ou e-mail)',
        security: signedIn,
        querystring: PeopleQuerySchema,
        response: { 200: PeopleListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listPeople(app.db, await request.requireActor(), request.query),
  );

  app.post(
    '/admin/users/:id/suspend',
    {
      schema: {
        tags,
        summary: 'Suspendre une personne',
        description:
          'Elle ne peut plus se connecter, ses sessions prennent fin, ses demandes en attente sont refusées (requester_suspended) ; les prêts acceptés qu’elle a demandés restent ouverts (openLoans) et arrivent dans la boîte de modération. Les annonces de ses structures restent : elles sont aux structures.',
        security: signedIn,
        params: PersonParamsSchema,
        body: SuspendPersonBodySchema,
        response: { 200: SuspendedPersonSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => suspendPerson(app.db, await request.requireActor(), request.params.id, request.body.reason),
  );

  app.post(
    '/admin/users/:id/reinstate',
    {
      schema: {
        tags,
        summary: 'Rétablir une personne suspendue',
        security: signedIn,
        params: PersonParamsSchema,
        response: { 200: PersonSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reinstatePerson(app.db, await request.requireActor(), request.params.id),
  );
};

export default peopleRoutes;
