// The Prisma client on the pg driver adapter, the pg pool under it, and migrations through the
// Prisma CLI.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client';
import { logger } from './logger';

export type Database = PrismaClient;

/** A calendar date (`YYYY-MM-DD`) as Prisma reads and writes a `@db.Date` column: midnight UTC. */
export function dbDate(localDate: string): Date {
  return new Date(`${localDate}T00:00:00Z`);
}

/** A `@db.Date` column back as `YYYY-MM-DD`. */
export function localDateFromDb(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const pools = new WeakMap<Database, pg.Pool>();

/** `maxConnections: 1` for embedded PGlite, which serves one session (../shared/PLATFORM.md). */
export function createDatabase(connectionString: string, maxConnections = 10): Database {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection that dies (the server restarted) is dropped by the pool and the next query
  // opens another; unheard, the error would end the process before Prisma adds its own listener.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  const database = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(database, pool);
  return database;
}

/**
 * The pg pool under `database`, for a statement on a hot path: Prisma spends about ten times
 * pg's CPU on a raw query (0.3–0.8 ms against 0.03–0.1), which on the API's event path was a
 * fifth of each request's cost (npm run bench, API process CPU per event).
 */
export function poolOf(database: Database): pg.Pool {
  const pool = pools.get(database);
  if (!pool) throw new Error('poolOf: this Prisma client was not made by createDatabase');
  return pool;
}

/** Applies the committed migrations (prisma/migrations) to the database. */
export async function migrateDatabase(connectionString: string): Promise<void> {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  await promisify(execFile)(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: connectionString },
  });
}
