import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Personal data: GET /api/me/export, DELETE /api/me, and the admins' handling of requests. */
const privacyRoutes: FastifyPluginAsyncTypebox = async () => {};

export default privacyRoutes;
