// The service's database for a command-line tool (`npm run apikey`, `npm run contacts`):
// DATABASE_URL, else the embedded one under .data/, started here when `npm start` is not running.
import pg from 'pg';
import { readConfig } from '../platform/config';
import { createDatabase, migrateDatabase, type Database } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function openServiceDatabase(): Promise<{ database: Database; close: () => Promise<void> }> {
  const config = readConfig();
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    url = `postgresql://postgres@127.0.0.1:${config.embeddedPostgresPort}/postgres`;
    if (!(await reachable(url))) {
      const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
      stopEmbedded = () => embedded.close();
      await migrateDatabase(url);
    }
  }
  // One connection: embedded PGlite serves one session (platform/database.ts).
  const database = createDatabase(url, 1);
  return {
    database,
    async close() {
      await database.$disconnect();
      await stopEmbedded?.();
    },
  };
}
