import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import { expireRequests } from './transitions.ts';

/**
 * Sweeps unanswered requests every minute. The sweep is one compare-and-set UPDATE, so several
 * instances sweeping at once expire each request once. Accepting an overdue request is refused
 * anyway, so a late sweep never lets one through. (The notifications issue brings a job queue:
 * reminders before expiry belong there.)
 */
export function startExpirySweeper(db: Database, log: FastifyBaseLogger, everyMs = 60_000) {
  const sweep = async () => {
    try {
      const count = await expireRequests(db);
      if (count > 0) log.info({ count }, 'booking requests expired');
    } catch (error) {
      log.error({ err: error }, 'expiring booking requests failed');
    }
  };
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  void sweep();
  return () => clearInterval(timer);
}
