import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
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
import type { SessionClient } from './queries.ts';
import {
  MeSchema,
  PasswordChangeSchema,
  RevokedSchema,
  SentSchema,
  SessionListSchema,
  SessionParamsSchema,
  SessionSchema,
} from './schemas.ts';
import { confirmEmailChange, requestEmailChange } from './email-change.ts';
import { resendVerification, verifyEmail } from './email-verification.ts';
import { changePassword } from './password-change.ts';
import { inspectPasswordReset, requestPasswordReset, resetPassword } from './password-reset.ts';
import { register } from './registration.ts';
import { login, logout, showMe, updateMe } from './service.ts';
import { listSessions, revokeOtherSessions, revokeSession } from './sessions.ts';

const EmailSchema = Type.Object({ email: Type.String() });

/** Attempts are limited per account and per address by throttling/ (rules.ts names these routes). */
const accountsRoutes: FastifyPluginAsyncTypebox<{
  /** No longer read: throttling/rules.ts holds the limits. */
  loginRateLimit?: number;
  sessionDays: number;
  secret: string;
}> = async (app, options) => {
  const { sessionDays, secret } = options;

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Créer un compte, avec une nouvelle structure (en attente de validation) ou une demande pour en rejoindre une',
        description:
          'Avec une nouvelle structure ou une demande d’adhésion : 202 « vérifiez vos e-mails », sans session, que l’adresse ait déjà un compte ou non (un lien de confirmation part vers une nouvelle adresse ; la personne se connecte ensuite). Avec `invitationToken` (le lien d’une invitation, qui prouve l’adresse) : 201 et la session.',
        body: RegisterSchema,
        response: { 201: SessionSchema, 202: SentSchema, ...errorResponses(400, 403, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      const registration = await register(app.db, request.body, {
        sessionDays,
        secret,
        client: clientOf(request),
      });
      if (!registration.signedIn)
        return reply.status(202).send({
          sent: true,
          message:
            'Vérifiez vos e-mails : un message vient de partir vers cette adresse, avec la suite. Pensez à regarder dans les indésirables.',
        });
      const { userId, sessionId, expiresAt, me } = registration;
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
      schema: {
        tags: ['accounts'],
        summary: 'Se connecter (pose le cookie de session et renvoie aussi le jeton)',
        body: LoginSchema,
        response: { 200: SessionSchema, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { userId, sessionId, expiresAt, me } = await login(app.db, request.body, sessionDays, clientOf(request));
      await request.forgetAccountAttempts();
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
    async (request) => showMe(app.db, await request.requireActor()),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Changer mon mot de passe avec l’actuel : cette session reste ouverte, toutes les autres sont fermées',
        description:
          'Un mot de passe actuel faux, ou un nouveau trop facile à deviner, est un 400 `validation_failed` dont `details` nomme le champ (`currentPassword`, `newPassword`).',
        security: signedIn,
        body: PasswordChangeSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await changePassword(app.db, await request.requireActor(), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Mes sessions ouvertes (appareils connectés), celle-ci marquée `current`',
        security: signedIn,
        response: { 200: SessionListSchema, ...errorResponses(401) },
      },
    },
    async (request) => listSessions(app.db, await request.requireActor()),
  );

  app.post(
    '/me/sessions/revoke-others',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Se déconnecter de partout ailleurs : ferme toutes mes sessions sauf celle-ci',
        security: signedIn,
        response: { 200: RevokedSchema, ...errorResponses(401) },
      },
    },
    async (request) => revokeOtherSessions(app.db, await request.requireActor()),
  );

  app.delete(
    '/me/sessions/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Fermer une de mes sessions (404 si elle n’est pas à moi ou déjà fermée)',
        security: signedIn,
        params: SessionParamsSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { wasCurrent } = await revokeSession(app.db, await request.requireActor(), request.params.id);
      if (wasCurrent) reply.clearSessionCookie();
      return reply.status(204).send(null);
    },
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
      schema: {
        tags: ['accounts'],
        summary: 'Changer d’adresse e-mail : un lien de confirmation part vers la nouvelle adresse',
        security: signedIn,
        body: EmailChangeSchema,
        response: { 202: SentSchema, ...errorResponses(400, 401, 409) },
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
      schema: {
        tags: ['accounts'],
        summary: 'Renvoyer le lien de confirmation de l’adresse',
        security: signedIn,
        response: { 202: SentSchema, ...errorResponses(401, 409) },
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
      schema: {
        tags: ['accounts'],
        summary: 'Mot de passe oublié : envoie un lien si un compte existe (même réponse sinon)',
        body: PasswordResetRequestSchema,
        response: { 202: SentSchema, ...errorResponses(400) },
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
      schema: {
        tags: ['accounts'],
        summary: 'Choisir un nouveau mot de passe (ferme toutes les sessions)',
        body: PasswordResetSchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 409, 410) },
      },
    },
    async (request, reply) => {
      await resetPassword(app.db, secret, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );
};

/** What a new session records about the device (the app's server passes the browser's address on). */
function clientOf(request: FastifyRequest): SessionClient {
  return { userAgent: request.headers['user-agent'] ?? null, ipAddress: request.ip };
}

export default accountsRoutes;
