import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { requestErasureOf, requestMyErasure } from './deletion.ts';
import { exportFileName, exportMyData, exportPersonData } from './export.ts';
import {
  DeleteMeBodySchema,
  DeleteUserBodySchema,
  ErasureScheduledSchema,
  PersonalDataExportSchema,
  UserParamsSchema,
} from './schemas.ts';

const exportDescription =
  'Un fichier JSON : profil, sessions, structures et rôles, demandes faites (avec leurs structures, objets ou service, dates et message), étapes de prêts, messages écrits (les siens seulement), réponses aux besoins, notifications (codes et paramètres), préférences, signalements faits, chartes lues, et les entrées du journal où la personne agit ou est visée. Les autres personnes n’y figurent jamais par leur nom ni leur adresse : les autres structures par leur nom. L’export est inscrit au journal (data.exported).';

const erasureDescription =
  'Le compte est effacé 7 jours plus tard (eraseAfter), sauf si la personne se connecte avant : cela annule la demande. Toutes ses sessions sont fermées tout de suite. Refusé (409 last_manager_with_open_loans, details nomme les structures) tant qu’elle est la dernière gestionnaire d’une structure qui a des prêts en cours. À l’effacement, ce qui n’est qu’à elle disparaît, ce qu’elle a écrit dans l’historique commun est effacé, les prêts restent aux structures, sans son nom.';

/** Personal data: GET /api/me/export, DELETE /api/me, and the admins' handling of requests. */
const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/export',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Télécharger mes données personnelles (JSON)',
        description: exportDescription,
        security: signedIn,
        response: { 200: PersonalDataExportSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const exported = await exportMyData(app.db, await request.requireActor());
      return reply
        .header('content-disposition', `attachment; filename="${exportFileName(exported.exportedAt)}"`)
        .header('cache-control', 'no-store')
        .send(exported);
    },
  );

  app.delete(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Supprimer mon compte (après 7 jours, annulé si je me reconnecte avant)',
        description: `${erasureDescription} Un mot de passe faux est un 401 invalid_credentials dont details nomme le champ password.`,
        security: signedIn,
        body: DeleteMeBodySchema,
        response: { 202: ErasureScheduledSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const scheduled = await requestMyErasure(app.db, await request.requireActor(), request.body.password);
      return reply.clearSessionCookie().status(202).send(scheduled);
    },
  );

  app.get(
    '/admin/users/:id/export',
    {
      schema: {
        tags: ['admin'],
        summary: 'Les données personnelles d’une personne de mes réseaux, à sa demande (JSON)',
        description: `${exportDescription} Réservé aux administrateur·rices des réseaux de ses structures ; l’export est inscrit au journal avec l’admin pour auteur.`,
        security: signedIn,
        params: UserParamsSchema,
        response: { 200: PersonalDataExportSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const exported = await exportPersonData(app.db, await request.requireActor(), request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="${exportFileName(exported.exportedAt)}"`)
        .header('cache-control', 'no-store')
        .send(exported);
    },
  );

  app.delete(
    '/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Supprimer le compte d’une personne de mes réseaux, à sa demande',
        description: `${erasureDescription} La note dit ce qu’était la demande, telle que tapée, sans le nom ni l’adresse de la personne (refusée sinon : le journal la garde pour toujours).`,
        security: signedIn,
        params: UserParamsSchema,
        body: DeleteUserBodySchema,
        response: { 202: ErasureScheduledSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scheduled = await requestErasureOf(
        app.db,
        await request.requireActor(),
        request.params.id,
        request.body.note,
      );
      return reply.status(202).send(scheduled);
    },
  );
};

export default privacyRoutes;
