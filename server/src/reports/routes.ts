import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import {
  AdminReportDetailSchema,
  AdminReportListSchema,
  MyReportListSchema,
  ReportCreatedSchema,
  ReportCreateSchema,
  ReportListQuerySchema,
  ReportParamsSchema,
  ResolveReportSchema,
} from './schemas.ts';
import { createReport, getReport, listMyReports, listReports, resolveReport } from './service.ts';

/** Reports: POST /api/reports, the reporter's own at /api/me/reports, and their handling under /api/admin/reports. */
const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/reports',
    {
      schema: {
        tags: ['admin'],
        summary: 'Signaler une annonce, un message ou une structure à la modération du réseau',
        security: signedIn,
        body: ReportCreateSchema,
        response: { 201: ReportCreatedSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const report = await createReport(app.db, await request.requireActor(), request.body);
      return reply.code(201).send(report);
    },
  );

  app.get(
    '/me/reports',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Mes signalements et ce qu’il en est advenu',
        security: signedIn,
        response: { 200: MyReportListSchema, ...errorResponses(401) },
      },
    },
    async (request) => listMyReports(app.db, await request.requireActor()),
  );

  app.get(
    '/admin/reports',
    {
      schema: {
        tags: ['admin'],
        summary: 'Signalements de mes réseaux (ouverts par défaut, les plus anciens d’abord)',
        security: signedIn,
        querystring: ReportListQuerySchema,
        response: { 200: AdminReportListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listReports(app.db, await request.requireActor(), request.query),
  );

  app.get(
    '/admin/reports/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Un signalement avec son contexte : la cible, les autres signalements, la situation de la structure',
        security: signedIn,
        params: ReportParamsSchema,
        response: { 200: AdminReportDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getReport(app.db, await request.requireActor(), request.params.id),
  );

  app.post(
    '/admin/reports/:id/resolve',
    {
      schema: {
        tags: ['admin'],
        summary: 'Traiter un signalement : classer, masquer la cible, ou suspendre la structure (administrateur·rices)',
        description:
          'hidden masque l’annonce ou le message signalé ; suspended suspend la structure signalée (réservé aux administrateur·rices du réseau). La personne qui a signalé est prévenue de l’issue.',
        security: signedIn,
        params: ReportParamsSchema,
        body: ResolveReportSchema,
        response: { 200: AdminReportDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => resolveReport(app.db, await request.requireActor(), request.params.id, request.body),
  );
};

export default reportsRoutes;
