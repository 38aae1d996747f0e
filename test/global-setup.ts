// One fresh PostgreSQL database per test run on the machine's server (127.0.0.1:5432), migrated
// with the committed migrations and dropped afterwards, so parallel runs and leftovers never collide.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../platform/database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export default async function setup(project: TestProject) {
  const database = `kundval_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${adminUrl} (set TEST_POSTGRES_URL to another server): ${(error as Error).message}`,
    );
  }
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await migrateDatabase(url.toString());
  project.provide('databaseUrl', url.toString());

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  };
}
