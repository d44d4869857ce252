import type { Database } from '../client.ts';
import type { DemoIds } from './demo-ids.ts';

/** The demo networks' charters (the four principles), and the structures' acceptance of them. */
export async function seedDemoCharters(_tx: Database, _ids: DemoIds): Promise<void> {}
