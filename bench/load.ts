// Runs a number of calls, either with a fixed number in flight (a closed loop: a batch job, or
// clients that wait for each answer) or at a fixed rate (an open loop), and keeps each latency.
export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  failures: number;
  firstFailure?: string;
}

/** Times calls and counts their failures; `result` sums them up from when it was made. */
function recorder(count: number) {
  const latenciesMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  return {
    async time(call: () => Promise<void>): Promise<void> {
      const callStarted = performance.now();
      try {
        await call();
        latenciesMs.push(performance.now() - callStarted);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    },
    result(): LoadResult {
      const seconds = (performance.now() - started) / 1000;
      return { count, seconds, perSecond: (count - failures) / seconds, latenciesMs, failures, ...(firstFailure ? { firstFailure } : {}) };
    },
  };
}

export async function runAtConcurrency(count: number, concurrency: number, call: (index: number) => Promise<void>): Promise<LoadResult> {
  const calls = recorder(count);
  let next = 0;
  const client = async () => {
    while (next < count) {
      const index = next++;
      await calls.time(() => call(index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
  return calls.result();
}

/**
 * Starts one call every `1000 / perSecond` ms whether or not earlier calls have answered (an open
 * loop, as independent clients behave), so each latency is what a caller sees at that load and
 * not the queue a saturating closed loop builds.
 */
export async function runAtRate(count: number, perSecond: number, call: (index: number) => Promise<void>): Promise<LoadResult> {
  const calls = recorder(count);
  const started = performance.now();
  const at = (index: number) => new Promise((resolve) => setTimeout(resolve, started + (index * 1000) / perSecond - performance.now()));
  await Promise.all(Array.from({ length: count }, async (_, index) => {
    await at(index);
    await calls.time(() => call(index));
  }));
  return calls.result();
}

/**
 * Measures `rounds` rounds of a figure and its baseline; when their ratio is then below `target`,
 * `extra` more, and the verdict rests on all of them, the first ones included: on two shared
 * cores a verdict on few rounds can miss on noise alone.
 */
export async function measureInRounds(
  what: string,
  { rounds, extra, target }: { rounds: number; extra: number; target: number },
  measureRound: (round: number) => Promise<void>,
  ratio: () => number,
  log: (line: string) => void,
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await measureRound(round);
  if (extra === 0 || ratio() >= target) return;
  log(`${what} ratio ${ratio().toFixed(2)} after ${rounds} rounds, below ${target}: ${extra} more rounds, judged on all`);
  for (let round = rounds; round < rounds + extra; round += 1) await measureRound(round);
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
