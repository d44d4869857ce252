import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { LinkTokenParamsSchema } from '../domain/accounts.ts';
import { errorResponses } from '../domain/errors.ts';
import { MembershipRoleSchema } from '../domain/organisations.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  acceptInvitation,
  cancelInvitation,
  describeInvitation,
  inviteToOrganisation,
  listInvitations,
} from './invitations.ts';
import {
  InvitationAcceptedSchema,
  InvitationDetailSchema,
  InvitationListSchema,
  InvitationSchema,
  OrganisationParamsSchema,
} from './schemas.ts';

const tags = ['organisations'];
const Uuid = Type.String({ format: 'uuid' });
const InvitationBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), role: MembershipRoleSchema },
  { additionalProperties: false },
);

const invitationRoutes: FastifyPluginAsyncTypebox<{ secret: string }> = async (app, { secret }) => {
  app.post(
    '/organisations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Inviter une personne par e-mail à rejoindre la structure (gestionnaires)',
        security: signedIn,
        params: OrganisationParamsSchema,
        body: InvitationBody,
        response: { 201: InvitationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inviteToOrganisation(app.db, await request.requireActor(), request.params.id, request.body)),
  );
  app.get(
    '/organisations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Les invitations en cours (gestionnaires)',
        security: signedIn,
        params: OrganisationParamsSchema,
        response: {
          200: InvitationListSchema,
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => listInvitations(app.db, await request.requireActor(), request.params.id),
  );
  app.delete(
    '/organisations/:id/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Annuler une invitation (le lien ne marche plus)',
        security: signedIn,
        params: Type.Object({ id: Uuid, invitationId: Uuid }, { additionalProperties: false }),
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await cancelInvitation(app.db, await request.requireActor(), request.params.id, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/invitations/:token',
    {
      schema: {
        tags,
        summary: 'Ce qu’offre un lien d’invitation (sans l’utiliser)',
        params: LinkTokenParamsSchema,
        response: {
          200: InvitationDetailSchema,
          ...errorResponses(400, 409, 410),
        },
      },
    },
    async (request) => describeInvitation(app.db, secret, request.params.token),
  );
  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Rejoindre la structure avec le lien (le compte de l’adresse invitée)',
        security: signedIn,
        params: LinkTokenParamsSchema,
        response: { 200: InvitationAcceptedSchema, ...errorResponses(400, 401, 403, 409, 410) },
      },
    },
    async (request) => acceptInvitation(app.db, secret, await request.requireActor(), request.params.token),
  );
};

export default invitationRoutes;
