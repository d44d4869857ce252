import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** A network's settings and moderators (/api/admin/networks/:id…). */
const networkSettingsRoutes: FastifyPluginAsyncTypebox = async () => {};

export default networkSettingsRoutes;
