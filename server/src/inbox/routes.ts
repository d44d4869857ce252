import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The moderation inbox of each network, with its counts, and the loans followed up (/api/admin/inbox…). */
const inboxRoutes: FastifyPluginAsyncTypebox = async () => {};

export default inboxRoutes;
