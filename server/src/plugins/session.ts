import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, loadActor } from '../auth/actor.ts';
import { sessionCookieName, sessionCookieOptions } from '../domain/session.ts';
import { AppError } from '../domain/errors.ts';

type SessionClaims = { sub: string; sid: string };

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: SessionClaims;
    user: SessionClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, or null when anonymous (or the session has ended). Memoised per request. */
    getActor(): Promise<Actor | null>;
    /** The caller, or a 401. */
    requireActor(): Promise<Actor>;
  }
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
  interface FastifyInstance {
    signSession(claims: SessionClaims): string;
  }
}

export type SessionOptions = { secret: string; sessionDays: number; secureCookies: boolean };

/**
 * Sessions: a JWT naming a row of `sessions`, read from the httpOnly cookie or from
 * `Authorization: Bearer`. The row makes logout real; the JWT makes the lookup cheap to reject.
 */
export default fp(async function sessionPlugin(app: FastifyInstance, options: SessionOptions) {
  const maxAgeSeconds = options.sessionDays * 24 * 3600;
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: options.secret,
    cookie: { cookieName: sessionCookieName, signed: false },
    sign: { expiresIn: maxAgeSeconds },
  });

  app.decorate('signSession', (claims: SessionClaims) => app.jwt.sign(claims));

  const actors = new WeakMap<FastifyRequest, Promise<Actor | null>>();
  app.decorateRequest('getActor', function (this: FastifyRequest) {
    let actor = actors.get(this);
    if (!actor) {
      actor = resolveActor(app, this);
      actors.set(this, actor);
    }
    return actor;
  });
  app.decorateRequest('requireActor', async function (this: FastifyRequest) {
    const actor = await this.getActor();
    if (!actor) throw new AppError('unauthenticated', 'Connectez-vous pour continuer.');
    return actor;
  });

  app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
    return this.setCookie(sessionCookieName, token, sessionCookieOptions(options.secureCookies, maxAgeSeconds));
  });
  app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
    return this.clearCookie(sessionCookieName, sessionCookieOptions(options.secureCookies, 0));
  });
});

async function resolveActor(app: FastifyInstance, request: FastifyRequest): Promise<Actor | null> {
  const hasToken = request.headers.authorization?.startsWith('Bearer ') || request.cookies[sessionCookieName];
  if (!hasToken) return null;
  try {
    const claims = await request.jwtVerify<SessionClaims>();
    return await loadActor(app.db, claims.sid, claims.sub);
  } catch (error) {
    // An expired or forged token is an anonymous caller, not a server error.
    if ((error as { statusCode?: number }).statusCode === 401) return null;
    throw error;
  }
}
