import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Categories and territories, as network admins manage them (/api/admin/categories, /api/admin/networks/:id/territories). */
const referenceAdminRoutes: FastifyPluginAsyncTypebox = async () => {};

export default referenceAdminRoutes;
