// The one activity of the bench's timer-burst baseline (bench/workflows.ts): a row per workflow.
import type { Database } from '../platform/database';

export const BENCH_MARKER_TABLE = 'bench_marker';

export function createBenchActivities(database: Database) {
  return {
    async storeBenchMarker(id: string): Promise<void> {
      await database.$executeRawUnsafe(`INSERT INTO ${BENCH_MARKER_TABLE} (id, stored_at) VALUES ($1, now()) ON CONFLICT DO NOTHING`, id);
    },
  };
}

export type BenchActivities = ReturnType<typeof createBenchActivities>;

export async function createBenchMarkerTable(database: Database): Promise<void> {
  await database.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${BENCH_MARKER_TABLE} (id text PRIMARY KEY, stored_at timestamptz NOT NULL)`);
}
