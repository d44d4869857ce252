import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import accountsRoutes from './accounts/routes.ts';
import auditRoutes from './audit/routes.ts';
import availabilityRoutes from './availability/routes.ts';
import emailActionRoutes from './bookings/email-action-routes.ts';
import bookingsRoutes from './bookings/routes.ts';
import calendarRoutes from './calendar/routes.ts';
import chartersRoutes from './charters/routes.ts';
import type { Database } from './db/client.ts';
import healthRoutes from './health/routes.ts';
import impactRoutes from './impact/routes.ts';
import inboxRoutes from './inbox/routes.ts';
import inventoryRoutes from './inventory/routes.ts';
import itemsRoutes from './items/routes.ts';
import listingModerationRoutes from './listing-moderation/routes.ts';
import moderationRoutes from './moderation/routes.ts';
import needsRoutes from './needs/routes.ts';
import networkSettingsRoutes from './network-settings/routes.ts';
import adminEmailsRoutes from './notifications/admin-routes.ts';
import notificationsRoutes from './notifications/routes.ts';
import invitationRoutes from './organisations/invitation-routes.ts';
import organisationsRoutes from './organisations/routes.ts';
import referenceAdminRoutes from './reference/admin-routes.ts';
import referenceRoutes from './reference/routes.ts';
import peopleRoutes from './people/routes.ts';
import privacyRoutes from './privacy/routes.ts';
import reportsRoutes from './reports/routes.ts';
import databasePlugin from './plugins/database.ts';
import { AppError } from './domain/errors.ts';
import errorsPlugin, { frameworkErrors } from './plugins/errors.ts';
import { maxPhotoBytes } from './domain/photos.ts';
import photosRoutes from './photos/routes.ts';
import type { PhotoStorage } from './photos/storage.ts';
import crossOriginPlugin from './plugins/cross-origin.ts';
import openapiPlugin from './plugins/openapi.ts';
import securityHeadersPlugin, { refusedUrlHeaders } from './plugins/security-headers.ts';
import sessionPlugin from './plugins/session.ts';
import serviceOffersRoutes from './service-offers/routes.ts';
import throttlingPlugin, { type ThrottlingOptions } from './throttling/plugin.ts';
import { installValidators } from './plugins/validation.ts';

export type AppOptions = {
  db: Database;
  /** Where photo files go (the disk under DATA_DIR by default). */
  photoStorage: PhotoStorage;
  jwtSecret: string;
  sessionDays?: number;
  secureCookies?: boolean;
  loginRateLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-For from a load balancer in front of several instances. */
  trustProxy?: boolean;
  /** The address people reach Mutua at: calendar feeds and links carry it. */
  publicUrl?: string;
  /** Days a loan request waits for an answer before it expires. */
  requestExpiryDays?: number;
  /** Limits per account and per address (tests lower them). */
  throttling?: ThrottlingOptions;
};

/** Builds the API: external plugins, then Mutua's own plugins, then the features under /api. */
export async function buildApp(options: AppOptions) {
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Router errors (a path parameter over 100 characters, a bad %-escape) in the app's JSON shape,
    // with the security headers that no hook adds to them (the router answers before any hook runs).
    frameworkErrors: (error, request, reply) =>
      frameworkErrors(error, request, reply.headers(refusedUrlHeaders(publicUrl))),
  }).withTypeProvider<TypeBoxTypeProvider>();
  installValidators(app);

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited', 'Trop de tentatives : réessayez dans une minute.'),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxPhotoBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  await app.register(openapiPlugin);
  await app.register(securityHeadersPlugin, { publicUrl });

  await app.register(databasePlugin, { db: options.db });
  await app.register(errorsPlugin);
  const sessionDays = options.sessionDays ?? 30;
  await app.register(sessionPlugin, {
    secret: options.jwtSecret,
    sessionDays,
    secureCookies: options.secureCookies ?? false,
  });
  await app.register(crossOriginPlugin, { publicUrl });
  await app.register(throttlingPlugin, options.throttling ?? {});

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(accountsRoutes, {
        loginRateLimit: options.loginRateLimit ?? 10,
        sessionDays,
        secret: options.jwtSecret,
      });
      await api.register(organisationsRoutes);
      await api.register(invitationRoutes, { secret: options.jwtSecret });
      await api.register(moderationRoutes);
      await api.register(referenceRoutes);
      await api.register(itemsRoutes);
      await api.register(serviceOffersRoutes);
      await api.register(photosRoutes, { storage: options.photoStorage });
      await api.register(inventoryRoutes);
      await api.register(needsRoutes);
      await api.register(availabilityRoutes);
      await api.register(bookingsRoutes, { requestExpiryDays: options.requestExpiryDays ?? 7 });
      await api.register(emailActionRoutes, { secret: options.jwtSecret });
      await api.register(calendarRoutes, { publicUrl });
      await api.register(notificationsRoutes, { secret: options.jwtSecret });
      await api.register(adminEmailsRoutes);
      await api.register(auditRoutes);
      await api.register(inboxRoutes);
      await api.register(listingModerationRoutes);
      await api.register(reportsRoutes);
      await api.register(peopleRoutes);
      await api.register(networkSettingsRoutes);
      await api.register(chartersRoutes);
      await api.register(referenceAdminRoutes);
      await api.register(impactRoutes);
      await api.register(privacyRoutes);
    },
    { prefix: '/api' },
  );
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
