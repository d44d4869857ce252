import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { errorResponses } from '../domain/errors.ts';
import { emailStatuses } from '../domain/notifications.ts';
import { Nullable } from '../domain/nullable.ts';
import { signedIn } from '../plugins/openapi.ts';
import { getEmail, listEmails, listTemplates, retryEmail } from './admin-emails.ts';

const tags = ['admin'];
const Status = Type.Enum([...emailStatuses]);
const EmailSummary = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  to: Type.String(),
  locale: Type.Enum(['fr', 'en']),
  status: Status,
  subject: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  undeliverable: Type.Boolean({ description: 'Le serveur de courrier a refusé cette adresse' }),
});
const EmailDetail = Type.Object({
  ...EmailSummary.properties,
  text: Nullable(Type.String()),
  html: Nullable(Type.String()),
  calendar: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
});
const Rendered = Type.Object({ subject: Type.String(), text: Type.String(), html: Type.String() });
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
            status: Type.Optional(Status),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            emails: Type.Array(EmailSummary),
            counts: Type.Record(Type.String(), Type.Integer()),
            nextCursor: Nullable(Type.String()),
          }),
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
        response: { 200: EmailDetail, ...errorResponses(400, 401, 403, 404) },
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
        response: { 200: EmailDetail, ...errorResponses(400, 401, 403, 404, 409) },
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
          200: Type.Object({ templates: Type.Array(Type.Object({ kind: Type.String(), fr: Rendered, en: Rendered })) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => listTemplates(app.db, await request.requireActor()),
  );
};

export default adminEmailsRoutes;
