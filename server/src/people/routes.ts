import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** People as their networks' admins handle them: suspend and reinstate a person (/api/admin/users…). */
const peopleRoutes: FastifyPluginAsyncTypebox = async () => {};

export default peopleRoutes;
