// `npm run bench [-- --quick] [--out <path>]`: the sizes of a run and where its JSON goes.
import { join } from 'node:path';

export interface Sizes {
  /** Starts of each kind (insats, empty workflow). The insatser started then take the events. */
  starts: number;
  /** Events of each kind (HTTP, Temporal client), one per insats: insatser beyond `starts` are started unmeasured. */
  events: number;
  /** Each figure and its baseline run in this many alternating rounds. */
  rounds: number;
  /** When a ratio misses its target after `rounds`, this many more rounds, judged with the first. */
  extraRoundsBelowTarget: number;
  /** Calls in flight at once, for starts and events. */
  concurrency: number;
  /** Events of each kind sent at a steady rate, for the latency a caller sees below saturation. */
  pacedEvents: number;
  pacedPerSecond: number;
  openInsatser: number;
  /**
   * How long the bench may spend starting open insatser before the burst. It stops at
   * `openInsatser` or when this runs out, and reports how many it reached.
   */
  openBudgetSeconds: number;
  dueTogether: number;
  burstTimeoutSeconds: number;
  /** Insatser decided three years ago, brought in over HTTP before the burst (counted among the open ones). */
  oldInsatser: number;
  /** Insatser whose histories give the workflow-task durations, besides every old one (and as many empty workflows). */
  historySample: number;
  /** The long FJP through the simulator, against its own first `baselineYears`. */
  longFjp: { years: number; baselineYears: number };
  simulate: boolean;
}

export interface BenchOptions {
  mode: 'default' | 'quick';
  out: string;
  postgresUrl: string;
  sizes: Sizes;
}

export const USAGE = 'usage: npm run bench [-- --quick] [--out <path.json>]';

const SIZES: Record<BenchOptions['mode'], Sizes> = {
  default: {
    starts: 300,
    events: 300,
    rounds: 2,
    extraRoundsBelowTarget: 0,
    concurrency: 50,
    pacedEvents: 100,
    pacedPerSecond: 10,
    openInsatser: 10_000,
    openBudgetSeconds: 100,
    dueTogether: 1_000,
    burstTimeoutSeconds: 180,
    oldInsatser: 50,
    historySample: 1_000,
    longFjp: { years: 5, baselineYears: 1 },
    simulate: true,
  },
  // For CI: every measurement but `npm run simulate` and the steady-rate latency, small enough for
  // about two minutes on two shared cores. Events in rounds of 125 each way at 50 concurrent:
  // rounds of 50 were one wave of simultaneous calls, and their ratio swung from 0.4 to 0.9
  // between rounds of one run. Rounds of 125 still range 0.65–0.98, so three of them, and a
  // fourth when the ratio misses its target.
  quick: {
    starts: 200,
    events: 375,
    rounds: 3,
    extraRoundsBelowTarget: 1,
    concurrency: 50,
    pacedEvents: 0,
    pacedPerSecond: 10,
    openInsatser: 200,
    openBudgetSeconds: 15,
    dueTogether: 50,
    burstTimeoutSeconds: 60,
    oldInsatser: 50,
    historySample: 300,
    // Five years take about 13 s of simulation (one year 6 s) beside the stack's start: cheap enough for CI.
    longFjp: { years: 5, baselineYears: 1 },
    simulate: false,
  },
};

export class UsageError extends Error {}

export function parseOptions(args: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  let mode: BenchOptions['mode'] = 'default';
  let out: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--quick') mode = 'quick';
    else if (arg === '--out' && args[index + 1]) out = args[++index];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    mode,
    out: out ?? join(process.cwd(), '.data', 'bench', `bench-${mode}-${stamp}.json`),
    postgresUrl: env.BENCH_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/test',
    sizes: SIZES[mode],
  };
}
