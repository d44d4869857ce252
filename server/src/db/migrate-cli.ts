import { loadConfig } from '../config.ts';
import { connectDatabase } from './client.ts';
import { migrateDatabase } from '../migrate.ts';

/** `pnpm db:migrate`: applies the migrations in drizzle/ to the configured database. */
const config = loadConfig(process.env);
const connection = await connectDatabase(config.database);
await migrateDatabase(connection);
await connection.close();
console.log(`Migrations applied (${connection.engine}).`);
