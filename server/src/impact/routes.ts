import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The impact and reciprocity dashboard, its method and factors (/api/admin/impact…). */
const impactRoutes: FastifyPluginAsyncTypebox = async () => {};

export default impactRoutes;
