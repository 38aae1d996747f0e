// A fresh PostgreSQL database for one bench run on BENCH_POSTGRES_URL, dropped at the
// end (also on failure), so a run never measures against (or leaves behind) another run's rows.
import pg from 'pg';
import { migrateDatabase } from '../platform/database';

export class BenchSetupError extends Error {}

export interface BenchDatabase {
  url: string;
  name: string;
  /** Applies the migrations; slow (the Prisma CLI), so the bench runs it beside other start-up work. */
  migrate(): Promise<void>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new BenchSetupError(
      `npm run bench needs PostgreSQL at ${adminUrl} (set BENCH_POSTGRES_URL to another server): ${(error as Error).message}`,
    );
  }
  const name = `kundval_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, migrate: () => migrateDatabase(url.toString()), drop };
}
