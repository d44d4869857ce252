import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/client.ts';
import { throttles } from '../db/schema/throttles.ts';
import type { Limit } from './rules.ts';

/** Counts attempts for one rule and one dimension (account or address) in the `throttles` table. */
export type Counter = {
  /** Counts one attempt; answers the seconds to wait when it is over the limit, else null. */
  consume(key: string): Promise<number | null>;
  /** Starts the count of this key again. */
  forget(key: string): Promise<void>;
};

export function counterOn(db: Database, prefix: string, limit: Limit): Counter {
  // One atomic upsert per attempt (insert … on conflict do update … returning), on either engine.
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: throttles,
    keyPrefix: prefix,
    points: limit.points,
    duration: limit.seconds,
    // Its own timer would keep a handle and a query going in every process: expired rows are
    // deleted by deleteExpiredThrottles instead, and a row past its window is reset on the next attempt.
    clearExpiredByTimeout: false,
    // Once the database said a key is over, this instance refuses it from memory until the
    // window ends: a flood of refused attempts costs no more writes.
    inMemoryBlockOnConsumed: limit.points + 1,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(hashed(key));
        return null;
      } catch (refusal) {
        // The library rejects with a RateLimiterRes when over the limit, with an Error when the database fails.
        if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw refusal;
      }
    },
    async forget(key) {
      await limiter.delete(hashed(key));
    },
  };
}

/**
 * Emails typed in a form (maybe a password typed in the wrong field) and addresses are not kept
 * as such: the row only needs to be the same for the same key.
 */
function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/**
 * The client's address as counted: an IPv4 address as is (also when written as IPv6), an IPv6
 * address by its /64, since one connection commonly holds a whole /64 and could hop within it.
 */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const network = new ipaddr.IPv6([...(address as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
