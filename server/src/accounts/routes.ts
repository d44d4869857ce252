import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LoginSchema, RegisterSchema } from '../domain/accounts.ts';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { MeSchema, SessionSchema } from './schemas.ts';
import { describeActor, login, logout, register } from './service.ts';

const accountsRoutes: FastifyPluginAsyncTypebox<{ loginRateLimit: number; sessionDays: number }> = async (app, options) => {
  const { sessionDays } = options;
  const rateLimit = { max: options.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/auth/register',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: "Créer un compte, avec une nouvelle structure (en attente de validation) ou une demande pour en rejoindre une",
        body: RegisterSchema,
        response: { 201: SessionSchema, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { userId, sessionId, expiresAt, me } = await register(app.db, request.body, sessionDays);
      const token = app.signSession({ sub: userId, sid: sessionId });
      return reply.status(201).setSessionCookie(token).send({ ...me, token, expiresAt: expiresAt.toISOString() });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Se connecter (pose le cookie de session et renvoie aussi le jeton)',
        body: LoginSchema,
        response: { 200: SessionSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { userId, sessionId, expiresAt, me } = await login(app.db, request.body, sessionDays);
      const token = app.signSession({ sub: userId, sid: sessionId });
      return reply.setSessionCookie(token).send({ ...me, token, expiresAt: expiresAt.toISOString() });
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Se déconnecter (met fin à la session)', response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      await logout(app.db, await request.getActor());
      return reply.clearSessionCookie().status(204).send();
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'La personne connectée, ses structures et ses rôles',
        security: signedIn,
        response: { 200: MeSchema, ...errorResponses(401) },
      },
    },
    async (request) => describeActor(await request.requireActor()),
  );
};

export default accountsRoutes;
