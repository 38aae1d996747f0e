// The bench worker's workflow bundle: every workflow the service runs, plus an empty workflow
// whose starts are the baseline for insats starts, and a timer workflow whose burst is the
// baseline for the daily delivery (same server, same worker, same task queue).
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { BenchActivities } from './bench-activities';

export * from '../workflows/index';

export async function emptyWorkflow(): Promise<void> {}

const { storeBenchMarker } = proxyActivities<BenchActivities>({ startToCloseTimeout: '1 minute' });

/** Sleeps until `at` (epoch ms), then stores one row: the platform's own cost of a timer burst. */
export async function timerBurstWorkflow(id: string, at: number): Promise<void> {
  await sleep(Math.max(0, at - Date.now()));
  await storeBenchMarker(id);
}
