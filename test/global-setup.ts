// One fresh PostgreSQL database per test run on the machine's server (127.0.0.1:5432), with the
// committed migrations, dropped afterwards, so parallel runs and leftovers never collide.
import type { TestProject } from 'vitest/node';
import { createScratchDatabase, DatabaseServerUnreachableError } from '../platform/scratch-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export default async function setup(project: TestProject) {
  const database = await createScratchDatabase(adminUrl, `kundval_test_${Date.now()}_${process.pid}`).catch((error: unknown) => {
    if (error instanceof DatabaseServerUnreachableError) throw new Error(`The tests need PostgreSQL (set TEST_POSTGRES_URL to another server): ${error.message}`);
    throw error;
  });
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
