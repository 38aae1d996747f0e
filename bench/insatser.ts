// Starting bench insatser in bulk and waiting until each has recorded its first projection
// (its row in PostgreSQL), so one measurement's tail does not run into the next.
import { createInsatsClient, type InsatsStart } from '../client/insats-client';
import type { Clock } from '../platform/clock';
import { insatsIdFor, insatsIdPrefix, insatsStart } from './fixtures';
import { runAtConcurrency, type LoadResult } from './load';
import type { Stack } from './stack';
import { waitForCount } from './wait';

export interface StartedGroup {
  ids: string[];
  starts: LoadResult;
  /** From the first start until every row is stored. */
  recordedSeconds: number;
}

export async function startInsatser(
  stack: Stack,
  group: string,
  count: number,
  concurrency: number,
  clock: Clock,
  start: (insatsId: string, index: number) => InsatsStart = insatsStart,
): Promise<StartedGroup> {
  const insatser = createInsatsClient(stack.client, { clock });
  const ids = Array.from({ length: count }, (_, index) => insatsIdFor(group, index));
  const started = performance.now();
  const starts = await runAtConcurrency(count, concurrency, async (index) => {
    await insatser.startInsats(start(ids[index]!, index));
  });
  await waitUntilRecorded(stack, group, count - starts.failures);
  return { ids, starts, recordedSeconds: (performance.now() - started) / 1000 };
}

export function waitUntilRecorded(stack: Stack, group: string, count: number): Promise<void> {
  const prefix = insatsIdPrefix(group);
  return waitForCount(
    `insatser ${prefix}* recorded`,
    count,
    () => stack.database.insats.count({ where: { id: { startsWith: prefix } } }),
    // Generous: on two shared cores an insats has taken up to a quarter second to settle.
    Math.max(60_000, count * 500),
  );
}
