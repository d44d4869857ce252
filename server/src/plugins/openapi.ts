import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Where Swagger UI is served, its document at `${docsPrefix}/json`. */
export const docsPrefix = '/api/docs';

/**
 * The OpenAPI 3.1 document at /api/docs/json, built from every route's schemas; Swagger UI at /api/docs.
 * 3.1 because its schemas are JSON Schema 2020-12, as TypeBox writes them (`exclusiveMinimum: 0`,
 * `const`, `type: 'null'`); 3.0 would need them rewritten.
 */
export default fp(async function openapiPlugin(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mutua API',
        description:
          "API de Mutua, la plateforme de mutualisation des réseaux de l'ESS. Les erreurs ont toutes la forme `{ error, message, details? }`, où `details` est une liste de `{ path, code, message }` (`path` en chemin à points, ex. `slots.0.endsAt`).",
        version: '0.1.0',
      },
      tags: [
        { name: 'system', description: 'Santé du service' },
        { name: 'accounts', description: 'Comptes et sessions' },
        { name: 'organisations', description: 'Structures et leurs membres' },
        { name: 'admin', description: 'Administration du réseau' },
        { name: 'catalogue', description: 'Matériel, offres de service, besoins, catégories, territoires' },
        { name: 'notifications', description: 'Notifications dans l’application, préférences, désabonnement' },
      ],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'mutua_session' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: docsPrefix });
});

/** The `security` of a route that needs a signed-in caller. */
export const signedIn: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];
