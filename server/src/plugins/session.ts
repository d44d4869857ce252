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

const sessionAlgorithm = 'HS256';

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
    sign: { algorithm: sessionAlgorithm, expiresIn: maxAgeSeconds },
    // Only what we sign: `none`, another HMAC or a public-key algorithm is refused before any key is tried.
    verify: { algorithms: [sessionAlgorithm] },
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
  let claims: SessionClaims;
  try {
    claims = await request.jwtVerify<SessionClaims>();
  } catch (error) {
    // An expired, forged or garbled token is an anonymous caller, not a server error.
    if (isTokenError(error)) return null;
    throw error;
  }
  return loadActor(app.db, claims.sid, claims.sub);
}

/**
 * What @fastify/jwt (FST_JWT_*: no token, bad format, expired, bad signature) and fast-jwt
 * underneath (FAST_JWT_*: malformed, `alg` not allowed, …) throw about the token itself.
 */
function isTokenError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('FST_JWT_') || code.startsWith('FAST_JWT_'));
}
