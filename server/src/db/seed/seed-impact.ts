import type { Database } from '../client.ts';
import type { DemoIds } from './demo-ids.ts';

/** The demo networks' impact method and factors (ADEME values, estimates labelled as such). */
export async function seedDemoImpact(_tx: Database, _ids: DemoIds): Promise<void> {}
