// What case workers opening insatser see: GET /api/insatser/:id (reads of the PostgreSQL
// projection) on random open insatser, each reader pausing between reads, until told to stop.
import type { Stack } from './stack';

export interface Reads {
  latenciesMs: number[];
  failures: number;
  /** The status of each failed read, so the figure can say why. */
  failedStatuses: number[];
}

export function readInsatser(
  stack: Stack,
  ids: string[],
  { readers, pauseMs, until }: { readers: number; pauseMs: number; until: () => boolean },
): Promise<Reads> {
  const reads: Reads = { latenciesMs: [], failures: 0, failedStatuses: [] };
  const reader = async () => {
    while (!until()) {
      const insatsId = ids[Math.floor(Math.random() * ids.length)]!;
      const started = performance.now();
      const response = await stack.api.get(`/api/insatser/${insatsId}`);
      if (response.status === 200) reads.latenciesMs.push(performance.now() - started);
      else {
        reads.failures += 1;
        reads.failedStatuses.push(response.status);
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  return Promise.all(Array.from({ length: readers }, reader)).then(() => reads);
}
