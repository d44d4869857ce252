import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The audit log, for the admins of each network: GET /api/admin/audit. */
const auditRoutes: FastifyPluginAsyncTypebox = async () => {};

export default auditRoutes;
