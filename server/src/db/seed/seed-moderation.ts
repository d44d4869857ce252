import type { Database } from '../client.ts';
import type { DemoIds } from './demo-ids.ts';

/** What the demo admin finds in the moderation inbox: a report on a listing, a listing waiting for review. */
export async function seedDemoModeration(_tx: Database, _ids: DemoIds): Promise<void> {}
