import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

export default fp(async function databasePlugin(app: FastifyInstance, options: { db: Database }) {
  app.decorate('db', options.db);
});
