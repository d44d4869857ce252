import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Network charters: read, accept, and publish a new version. */
const chartersRoutes: FastifyPluginAsyncTypebox = async () => {};

export default chartersRoutes;
