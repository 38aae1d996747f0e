// Throwaway PostgreSQL databases, for a test run and a bench run: each is a copy of a template
// that holds the committed migrations, so it costs a file copy instead of a Prisma CLI run. The
// template is named by a hash of prisma/migrations, migrated by `prisma migrate deploy` as the
// service's own database is, and made once per server and set of migrations.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateDatabase } from './database';

const MIGRATIONS = fileURLToPath(new URL('../prisma/migrations', import.meta.url));
const TEMPLATE_PREFIX = 'kundval_template_';
const DUPLICATE_DATABASE = '42P04';

export class DatabaseServerUnreachableError extends Error {}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const urlOf = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function withClient<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseServerUnreachableError(`PostgreSQL at ${serverUrl} cannot be reached: ${(error as Error).message}`);
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(MIGRATIONS, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  for (const path of entries.map((entry) => join(entry.parentPath, entry.name)).sort()) {
    hash.update(path.slice(MIGRATIONS.length)).update(await readFile(path));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The template for the current migrations: made under a name of its own, renamed when complete. */
async function ensureTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${await migrationsHash()}`;
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
  if (exists.rowCount) return template;

  // Not under the template prefix: another run's cleanup of stale templates must not drop it mid-build.
  const building = `kundval_building_${template.slice(TEMPLATE_PREFIX.length)}_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${building}"`);
  try {
    await migrateDatabase(urlOf(serverUrl, building));
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    // Another run made the same template meanwhile.
    if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
  }
  // Templates of earlier migrations; one still being copied stays until a later run.
  const stale = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2', [`${TEMPLATE_PREFIX}%`, template]);
  for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  return template;
}

/** A new database `name` on the server of `serverUrl`, with every committed migration applied. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  await withClient(serverUrl, async (admin) => {
    const template = await ensureTemplate(admin, serverUrl);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
  return {
    name,
    url: urlOf(serverUrl, name),
    drop: () => withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
