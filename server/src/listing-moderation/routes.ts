import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Moderation of listings by their networks: review, hide, unhide, archive (/api/admin/listings…). */
const listingModerationRoutes: FastifyPluginAsyncTypebox = async () => {};

export default listingModerationRoutes;
