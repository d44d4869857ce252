import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { errorResponses } from '../domain/errors.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';
import { signedIn } from '../plugins/openapi.ts';
import { getEmail, listEmails, listTemplates, retryEmail } from './admin-emails.ts';
import { AdminEmailListSchema, AdminEmailSchema, EmailStatusSchema, EmailTemplateListSchema } from './admin-schemas.ts';

const tags = ['admin'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 20 }) }, { additionalProperties: false });

const adminEmailsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/emails',
    {
      schema: {
        tags,
        summary:
          'Les e-mails envoyés (ou à envoyer) aux personnes de mes réseaux : sans SMTP_URL, la boîte aux lettres locale',
        security: signedIn,
        querystring: Type.Object(
          {
            status: Type.Optional(EmailStatusSchema),
            cursor: Type.Optional(CursorQuerySchema('id-cursor', 200)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: AdminEmailListSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => listEmails(app.db, await request.requireActor(), request.query),
  );
  app.get(
    '/admin/emails/:id',
    {
      schema: {
        tags,
        summary: 'Un e-mail, tel qu’envoyé',
        security: signedIn,
        params: IdParams,
        response: { 200: AdminEmailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getEmail(app.db, await request.requireActor(), request.params.id),
  );
  app.post(
    '/admin/emails/:id/retry',
    {
      schema: {
        tags,
        summary: 'Renvoyer un e-mail en échec',
        security: signedIn,
        params: IdParams,
        response: { 200: AdminEmailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => retryEmail(app.db, await request.requireActor(), request.params.id),
  );
  app.get(
    '/admin/email-templates',
    {
      schema: {
        tags,
        summary: 'Chaque modèle d’e-mail rendu avec des données d’exemple, en français et en anglais',
        security: signedIn,
        response: {
          200: EmailTemplateListSchema,
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => listTemplates(app.db, await request.requireActor()),
  );
};

export default adminEmailsRoutes;
