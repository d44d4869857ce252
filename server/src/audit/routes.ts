import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../domain/errors.ts';
import { signedIn } from '../plugins/openapi.ts';
import { AuditListSchema, AuditQuerySchema } from './schemas.ts';
import { listAuditEntries } from './service.ts';

/** The audit log, for the admins of each network: GET /api/admin/audit. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Le journal de mes réseaux : qui a fait quoi, quand, avec les valeurs avant et après (les plus récentes d’abord)',
        security: signedIn,
        querystring: AuditQuerySchema,
        response: { 200: AuditListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAuditEntries(app.db, await request.requireActor(), request.query),
  );
};

export default auditRoutes;
