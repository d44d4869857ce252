import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { BookingDetailSchema, EmailActionSchema } from '../domain/bookings.ts';
import { LinkTokenParamsSchema } from '../domain/accounts.ts';
import { errorResponses } from '../domain/errors.ts';
import { confirmEmailAction, describeEmailAction } from './email-actions.ts';

const tags = ['prêts'];
const Body = Type.Object(
  { message: Type.Optional(Type.String({ maxLength: 2000 })), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

/** The « Accepter » / « Refuser » buttons of a new-request email: the link is the key, no session needed. */
const emailActionRoutes: FastifyPluginAsyncTypebox<{ secret: string }> = async (app, { secret }) => {
  app.get(
    '/email-actions/:token',
    {
      schema: {
        tags,
        summary: 'Ce que ferait un lien « Accepter » ou « Refuser » d’un e-mail, et la demande (sans agir)',
        params: LinkTokenParamsSchema,
        response: {
          200: EmailActionSchema,
          ...errorResponses(400, 403, 404, 409, 410),
        },
      },
    },
    async (request) => describeEmailAction(app.db, secret, request.params.token),
  );
  app.post(
    '/email-actions/:token',
    {
      schema: {
        tags,
        summary:
          'Confirmer l’action du lien : accepter ou refuser la demande (une seule fois ; 409 si quelqu’un a été plus rapide)',
        params: LinkTokenParamsSchema,
        body: Body,
        response: { 200: BookingDetailSchema, ...errorResponses(400, 403, 404, 409, 410) },
      },
    },
    async (request) => confirmEmailAction(app.db, secret, request.params.token, request.body ?? {}),
  );
};

export default emailActionRoutes;
