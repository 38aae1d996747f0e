// A database of its own for a test file whose assertions count every row (no other file may write
// there while it runs), created beside the run's database, migrated, and dropped afterwards.
import pg from 'pg';
import { migrateDatabase } from '../../platform/database';

export async function createOwnDatabase(runDatabaseUrl: string, purpose: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(runDatabaseUrl);
  const name = `${url.pathname.slice(1)}_${purpose}`;
  const admin = new pg.Client({ connectionString: runDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: runDatabaseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
