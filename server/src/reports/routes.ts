import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Reports: POST /api/reports, and their handling under /api/admin/reports. */
const reportsRoutes: FastifyPluginAsyncTypebox = async () => {};

export default reportsRoutes;
