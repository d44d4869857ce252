import type { Database } from '../src/db/client.ts';
import { networkCharters } from '../src/db/schema/networks.ts';

/** A published version of a network's charter, written directly (no admin, no audit). */
export async function makeCharter(db: Database, networkId: string, version = 1, body = `Charte, version ${version}.`) {
  await db.insert(networkCharters).values({ networkId, version, body });
  return { networkId, version, body };
}
