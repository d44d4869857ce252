import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { throttles } from '../db/schema/throttles.ts';

/**
 * Deletes the counts whose window is over (a periodic task of the worker): nothing reads them
 * any more, the next attempt of the same key would start afresh anyway. Answers how many went.
 */
export async function deleteExpiredThrottles(db: Database): Promise<number> {
  const deleted = await db
    .delete(throttles)
    .where(lt(throttles.expire, sql`now()`))
    .returning({ key: throttles.key });
  return deleted.length;
}
