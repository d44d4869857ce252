import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { OrganisationPatchSchema } from '../domain/organisations.ts';
import {
  MemberListSchema,
  MemberParamsSchema,
  MemberRolePatchSchema,
  OrganisationDetailSchema,
  OrganisationListQuerySchema,
  OrganisationListSchema,
  OrganisationParamsSchema,
} from './schemas.ts';
import {
  acceptMember,
  changeMemberRole,
  getOrganisation,
  listMembers,
  listOrganisations,
  removeMember,
  updateOrganisation,
} from './service.ts';

const tags = ['organisations'];

const organisationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Annuaire des structures validées',
        querystring: OrganisationListQuerySchema,
        response: { 200: OrganisationListSchema, ...errorResponses(400) },
      },
    },
    async (request) => listOrganisations(app.db, request.query),
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Une structure (coordonnées réservées aux personnes connectées)',
        params: OrganisationParamsSchema,
        response: { 200: OrganisationDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => getOrganisation(app.db, await request.getActor(), request.params.id),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Modifier sa structure (gestionnaires)',
        security: signedIn,
        params: OrganisationParamsSchema,
        body: OrganisationPatchSchema,
        response: { 200: OrganisationDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateOrganisation(app.db, await request.requireActor(), request.params.id, request.body),
  );

  app.get(
    '/organisations/:id/members',
    {
      schema: {
        tags,
        summary: "L'équipe d'une structure (les gestionnaires voient aussi les demandes d'adhésion)",
        security: signedIn,
        params: OrganisationParamsSchema,
        response: { 200: MemberListSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listMembers(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/organisations/:id/members/:userId/accept',
    {
      schema: {
        tags,
        summary: "Accepter une demande d'adhésion (gestionnaires)",
        security: signedIn,
        params: MemberParamsSchema,
        response: { 200: MemberListSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acceptMember(app.db, await request.requireActor(), request.params.id, request.params.userId),
  );

  app.patch(
    '/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: "Changer le rôle d'un·e membre (gestionnaires)",
        security: signedIn,
        params: MemberParamsSchema,
        body: MemberRolePatchSchema,
        response: { 200: MemberListSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changeMemberRole(
        app.db,
        await request.requireActor(),
        request.params.id,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    '/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Refuser une demande, retirer un·e membre, ou quitter la structure',
        security: signedIn,
        params: MemberParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeMember(app.db, await request.requireActor(), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
};

export default organisationsRoutes;
