import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { LinkTokenParamsSchema } from '../domain/accounts.ts';
import { errorResponses } from '../domain/errors.ts';
import {
  NotificationListSchema,
  NotificationPreferencesPatchSchema,
  NotificationPreferencesSchema,
  notificationKinds,
} from '../domain/notifications.ts';
import { CursorQuerySchema } from '../domain/cursor-shapes.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  describeUnsubscribe,
  getPreferences,
  listNotifications,
  readAllNotifications,
  readNotification,
  unreadCount,
  unsubscribe,
  updatePreferences,
} from './service.ts';

const tags = ['notifications'];
const ListQuery = Type.Object(
  {
    cursor: Type.Optional(CursorQuerySchema('id-cursor', 200)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object(
  { id: Type.String({ maxLength: 20, description: 'Identifiant de la notification' }) },
  { additionalProperties: false },
);

const notificationsRoutes: FastifyPluginAsyncTypebox<{ secret: string }> = async (app, options) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Mes notifications (la cloche), les plus récentes d’abord',
        security: signedIn,
        querystring: ListQuery,
        response: { 200: NotificationListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => listNotifications(app.db, await request.requireActor(), request.query),
  );
  app.get(
    '/notifications/unread',
    {
      schema: {
        tags,
        summary: 'Le nombre de notifications non lues',
        security: signedIn,
        response: { 200: Type.Object({ unread: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => unreadCount(app.db, await request.requireActor()),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Marquer une notification comme lue',
        security: signedIn,
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await readNotification(app.db, await request.requireActor(), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Tout marquer comme lu',
        security: signedIn,
        response: { 204: { type: 'null' }, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await readAllNotifications(app.db, await request.requireActor());
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Mes préférences de notification, par type',
        security: signedIn,
        response: { 200: NotificationPreferencesSchema, ...errorResponses(401) },
      },
    },
    async (request) => getPreferences(app.db, await request.requireActor()),
  );
  app.patch(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        summary:
          'Choisir, par type, les e-mails immédiats, le récapitulatif du jour ou aucun (les essentiels ne se désactivent pas)',
        security: signedIn,
        body: NotificationPreferencesPatchSchema,
        response: { 200: NotificationPreferencesSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => updatePreferences(app.db, await request.requireActor(), request.body),
  );

  // One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, undefined),
  );
  const UnsubscribeSchema = Type.Object({
    kind: Type.Enum([...notificationKinds, 'digest'], {
      description: 'Le type d’e-mails désactivé (digest : le récapitulatif du jour)',
    }),
  });
  app.get(
    '/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'Ce que désactive un lien de désabonnement (sans agir)',
        params: LinkTokenParamsSchema,
        response: { 200: UnsubscribeSchema, ...errorResponses(400) },
      },
    },
    async (request) => ({ kind: describeUnsubscribe(options.secret, request.params.token).kind }),
  );
  app.post(
    '/unsubscribe/:token',
    {
      schema: {
        tags,
        summary: 'Se désabonner en un clic, sans se connecter (RFC 8058)',
        params: LinkTokenParamsSchema,
        response: { 200: UnsubscribeSchema, ...errorResponses(400) },
      },
    },
    async (request) => unsubscribe(app.db, options.secret, request.params.token),
  );
};

export default notificationsRoutes;
