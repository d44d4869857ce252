import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/client.ts';
import { createPostgresDatabase, prepareReferenceData } from './test-database.ts';
import { migrateDatabase } from '../src/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTestUrl: string;
  }
}

/** One database per run on the real server: migrated once, shared by the test files, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createPostgresDatabase(process.env.DATABASE_URL!);
  const connection = await connectDatabase({ databaseUrl: database.url, poolSize: 2 });
  await migrateDatabase(connection);
  await prepareReferenceData(connection);
  await connection.close();
  project.provide('postgresTestUrl', database.url);
  return () => database.drop();
}
