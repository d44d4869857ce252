import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import Type from 'typebox';
import { AppError } from '../domain/errors.ts';
import { addressKey, type Counter, counterOn } from './counters.ts';
import { type RuleLimits, type RuleName, ruleNames, throttleRules } from './rules.ts';

/** Limits per account and per address, shared by every instance through PostgreSQL. */
export type ThrottlingOptions = {
  /** false: nothing is counted (the API tests of other features, benchmarks). Default true. */
  enabled?: boolean;
  /** Other limits than rules.ts's, per rule: tests use a handful of attempts. */
  limits?: { [Rule in RuleName]?: Partial<RuleLimits> };
};

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * After a successful sign-in: the account's count starts again, so that a person who
     * mistyped a few times is not left one attempt away from a wait. (The address's count stays:
     * signing in to one's own account must not buy guesses at others.)
     */
    forgetAccountAttempts(): Promise<void>;
  }
}

/** The 429 every limited route documents. */
const RateLimitedSchema = Type.Object(
  { error: Type.Literal('rate_limited'), message: Type.String() },
  {
    description: 'Trop de tentatives pour ce compte ou depuis cette adresse : réessayer après `Retry-After` secondes',
    // @fastify/swagger reads a response's `headers` as name → schema.
    headers: { 'Retry-After': Type.Integer({ minimum: 1, description: 'Secondes à attendre avant de réessayer' }) },
  },
);

/**
 * Counts the attempts on the routes that rules.ts names, before their handler runs (after
 * schema validation, so the body's email is there), and refuses those over a limit with 429 and
 * `Retry-After`. Feature routes need nothing: the routes are found by method and URL when
 * they are added, and each gets the 429 in its OpenAPI responses.
 */
export default fp(async function throttlingPlugin(app: FastifyInstance, options: ThrottlingOptions) {
  const forgetters = new WeakMap<FastifyRequest, () => Promise<void>>();
  app.decorateRequest('forgetAccountAttempts', async function (this: FastifyRequest) {
    await forgetters.get(this)?.();
  });

  const ruleOfRoute = new Map<string, RuleName>(
    ruleNames.flatMap((name) => throttleRules[name].routes.map((route) => [route, name] as const)),
  );
  const enabled = options.enabled ?? true;
  const counters = new Map<RuleName, { account: Counter | null; address: Counter | null }>(
    ruleNames.map((name) => {
      const limits = { ...throttleRules[name].limits, ...options.limits?.[name] };
      return [
        name,
        {
          account: limits.account ? counterOn(app.db, `${name}:account`, limits.account) : null,
          address: limits.address ? counterOn(app.db, `${name}:address`, limits.address) : null,
        },
      ];
    }),
  );

  function enforce(name: RuleName): preHandlerHookHandler {
    const { account: accountCounter, address: addressCounter } = counters.get(name)!;
    return async function throttle(request: FastifyRequest, reply: FastifyReply) {
      // The address first: a client already refused for its address does not eat into an account's attempts.
      let wait = (await addressCounter?.consume(addressKey(request.ip))) ?? null;
      if (wait === null && accountCounter) {
        const account = await throttleRules[name].accountOf(request);
        if (account !== null) {
          wait = await accountCounter.consume(account);
          if (wait === null) forgetters.set(request, () => accountCounter.forget(account));
        }
      }
      if (wait !== null) {
        reply.header('Retry-After', String(wait));
        throw new AppError('rate_limited', `Trop de tentatives : réessayez dans ${inWords(wait)}.`);
      }
    };
  }

  const limited = new Set<string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      const name = ruleOfRoute.get(`${method} ${route.url}`);
      if (!name) continue;
      limited.add(`${method} ${route.url}`);
      const response = route.schema?.response as Record<string, unknown> | undefined;
      if (response) response[429] = RateLimitedSchema;
      if (enabled) route.preHandler = [enforce(name), ...[route.preHandler ?? []].flat()];
    }
  });
  // A route renamed in its feature would silently lose its limits: refuse to start instead.
  app.addHook('onReady', async () => {
    const missing = [...ruleOfRoute.keys()].filter((route) => !limited.has(route));
    if (missing.length > 0)
      throw new Error(`throttling/rules.ts names routes that do not exist: ${missing.join(', ')}`);
  });
});

function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? 'une seconde' : `${seconds} secondes`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'une minute' : `${minutes} minutes`;
}
