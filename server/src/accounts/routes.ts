import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  EmailChangeSchema,
  LinkTokenParamsSchema,
  LinkTokenSchema,
  LoginSchema,
  MePatchSchema,
  PasswordResetRequestSchema,
  PasswordResetSchema,
  RegisterSchema,
} from '../domain/accounts.ts';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { MeSchema, SessionSchema } from './schemas.ts';
import { confirmEmailChange, requestEmailChange } from './email-change.ts';
import { resendVerification, verifyEmail } from './email-verification.ts';
import { inspectPasswordReset, requestPasswordReset, resetPassword } from './password-reset.ts';
import { describeActor, login, logout, register, updateMe } from './service.ts';

const EmailSchema = Type.Object({ email: Type.String() });
const SentSchema = Type.Object({ sent: Type.Boolean(), message: Type.String() });

const accountsRoutes: FastifyPluginAsyncTypebox<{
  loginRateLimit: number;
  sessionDays: number;
  secret: string;
}> = async (app, options) => {
  const { sessionDays, secret } = options;
  const rateLimit = { max: options.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/auth/register',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary:
          'Créer un compte, avec une nouvelle structure (en attente de validation) ou une demande pour en rejoindre une',
        body: RegisterSchema,
        response: { 201: SessionSchema, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { userId, sessionId, expiresAt, me } = await register(app.db, request.body, sessionDays, secret);
      const token = app.signSession({ sub: userId, sid: sessionId });
      return reply
        .status(201)
        .setSessionCookie(token)
        .send({ ...me, token, expiresAt: expiresAt.toISOString() });
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
    {
      schema: {
        tags: ['accounts'],
        summary: 'Se déconnecter (met fin à la session)',
        response: { 204: { type: 'null' } },
      },
    },
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

  app.patch(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Changer mon nom ou ma langue (celle de l’application et des e-mails)',
        security: signedIn,
        body: MePatchSchema,
        response: { 200: MeSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => updateMe(app.db, await request.requireActor(), request.body),
  );

  app.post(
    '/me/email',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Changer d’adresse e-mail : un lien de confirmation part vers la nouvelle adresse',
        security: signedIn,
        body: EmailChangeSchema,
        response: { 202: SentSchema, ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      await requestEmailChange(app.db, await request.requireActor(), request.body);
      return reply
        .status(202)
        .send({ sent: true, message: 'Un lien de confirmation vient de partir vers la nouvelle adresse.' });
    },
  );

  app.post(
    '/auth/email-change/confirm',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Confirmer la nouvelle adresse (le lien de l’e-mail)',
        body: LinkTokenSchema,
        response: { 200: EmailSchema, ...errorResponses(400, 409, 410) },
      },
    },
    async (request) => confirmEmailChange(app.db, secret, request.body.token),
  );

  app.post(
    '/auth/verify-email',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Confirmer son adresse e-mail (le lien envoyé à l’inscription)',
        body: LinkTokenSchema,
        response: { 200: EmailSchema, ...errorResponses(400, 409, 410) },
      },
    },
    async (request) => verifyEmail(app.db, secret, request.body.token),
  );

  app.post(
    '/auth/verify-email/resend',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Renvoyer le lien de confirmation de l’adresse',
        security: signedIn,
        response: { 202: SentSchema, ...errorResponses(401, 409, 429) },
      },
    },
    async (request, reply) => {
      await resendVerification(app.db, await request.requireActor());
      return reply.status(202).send({ sent: true, message: 'Un nouveau lien vient de partir.' });
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Mot de passe oublié : envoie un lien si un compte existe (même réponse sinon)',
        body: PasswordResetRequestSchema,
        response: { 202: SentSchema, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app.db, request.body.email);
      return reply.status(202).send({
        sent: true,
        message:
          'Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d’y partir.',
      });
    },
  );

  app.get(
    '/auth/password-reset/:token',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Le compte d’un lien de réinitialisation, s’il est encore valable (sans l’utiliser)',
        params: LinkTokenParamsSchema,
        response: { 200: EmailSchema, ...errorResponses(400, 409, 410) },
      },
    },
    async (request) => inspectPasswordReset(app.db, secret, request.params.token),
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Choisir un nouveau mot de passe (ferme toutes les sessions)',
        body: PasswordResetSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      await resetPassword(app.db, secret, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );
};

export default accountsRoutes;
