// Runs a number of calls with a fixed number in flight, the way a batch job or a set of
// concurrent clients would, and keeps each call's latency.
export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  failures: number;
  firstFailure?: string;
}

export async function runAtConcurrency(count: number, concurrency: number, call: (index: number) => Promise<void>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const client = async () => {
    while (next < count) {
      const index = next++;
      const callStarted = performance.now();
      try {
        await call(index);
        latenciesMs.push(performance.now() - callStarted);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
  const seconds = (performance.now() - started) / 1000;
  return { count, seconds, perSecond: (count - failures) / seconds, latenciesMs, failures, ...(firstFailure ? { firstFailure } : {}) };
}

/** Sums rounds run at different times into one result (the bench interleaves a figure's rounds with its baseline's). */
export function combine(results: LoadResult[]): LoadResult {
  const count = results.reduce((sum, result) => sum + result.count, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  const failures = results.reduce((sum, result) => sum + result.failures, 0);
  const firstFailure = results.find((result) => result.firstFailure)?.firstFailure;
  return {
    count,
    seconds,
    perSecond: (count - failures) / seconds,
    latenciesMs: results.flatMap((result) => result.latenciesMs),
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/** The p-th percentile (0–100) by nearest rank; undefined for no values. */
export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
