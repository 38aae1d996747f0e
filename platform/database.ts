// The Prisma client on the pg driver adapter, and migrations through the Prisma CLI.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';

export type Database = PrismaClient;

/** A calendar date (`YYYY-MM-DD`) as Prisma reads and writes a `@db.Date` column: midnight UTC. */
export function dbDate(localDate: string): Date {
  return new Date(`${localDate}T00:00:00Z`);
}

/** A `@db.Date` column back as `YYYY-MM-DD`. */
export function localDateFromDb(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `maxConnections: 1` for embedded PGlite, which serves one session (../shared/PLATFORM.md). */
export function createDatabase(connectionString: string, maxConnections = 10): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: maxConnections }) });
}

/** Applies the committed migrations (prisma/migrations) to the database. */
export async function migrateDatabase(connectionString: string): Promise<void> {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  await promisify(execFile)(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: connectionString },
  });
}
